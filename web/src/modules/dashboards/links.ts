// Where the dashboard's tiles and newest resources lead, and what a kind is called. The search
// page's type tabs are the list of every kind they know; a kind with a page of its own links there.
import { has, t } from '@/shared/i18n'

/** The kinds the search page has a tab for (SearchView's TYPES). */
const SEARCH_TYPES = new Set(['instrument', 'lab', 'service', 'finance_product', 'achievement', 'talent', 'team', 'challenge'])

/** Kinds with no search tab, listed on a page of their own. */
const LIST_PAGES: Record<string, string> = { tech_demand: '/tech-demands' }

/** The kinds whose objects have a public page: `${page}/${id}` (as search results link them). */
const DETAIL_PAGES: Record<string, string> = {
  instrument: '/instruments',
  service: '/services',
  achievement: '/achievements',
  talent: '/talents',
  team: '/teams',
  challenge: '/challenges',
  tech_demand: '/tech-demands',
}

/** A kind's name in the reader's language; a kind no module names yet shows as the server spells it. */
export function kindLabel(kind: string): string {
  if (has(`search.types.${kind}`)) return t(`search.types.${kind}`)
  if (has(`dash.kinds.${kind}`)) return t(`dash.kinds.${kind}`)
  return kind
}

/** The list of a kind's resources: its search tab, or its own page; null when there is neither. */
export function kindLink(kind: string): string | null {
  if (SEARCH_TYPES.has(kind)) return `/?type=${encodeURIComponent(kind)}`
  return LIST_PAGES[kind] ?? null
}

/** A resource's page; a kind without pages (labs, finance products) is found by searching its name. */
export function detailLink(item: { kind: string; id: string; name: string }): string | null {
  if (DETAIL_PAGES[item.kind]) return `${DETAIL_PAGES[item.kind]}/${encodeURIComponent(item.id)}`
  if (SEARCH_TYPES.has(item.kind)) return `/?q=${encodeURIComponent(item.name)}&type=${encodeURIComponent(item.kind)}`
  return null
}

/** A unit's published resources of a kind: the search tab, searched for the unit's name (the search
 * indexes each resource with its unit's name; no list page takes a unit as its filter). */
export function unitSearchLink(kind: string, unitName: string): string | null {
  if (!SEARCH_TYPES.has(kind)) return null
  return `/?q=${encodeURIComponent(unitName)}&type=${encodeURIComponent(kind)}`
}

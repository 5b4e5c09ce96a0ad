// The words of a suggestion's reasons: the server sends codes and values, the page says them.
import { districtName } from '@/shared/reference'
import type { MatchType, Reason } from '@/modules/matching/types'

/** One reason as a person reads it, in the current language. */
export function reasonText(reason: Reason, t: (key: string, params?: Record<string, string>) => string): string {
  const values = reason.code === 'district' ? reason.values.map((v) => districtName(v)) : reason.values
  return t(`matching.reason.${reason.code}`, { values: values.join('、') })
}

// The kinds with a page of their own (labs have none yet).
const PAGES: Partial<Record<MatchType | 'tech_demand', string>> = {
  instrument: '/instruments',
  service: '/services',
  achievement: '/achievements',
  talent: '/talents',
  tech_demand: '/tech-demands',
}

export function detailLink(type: string, id: string): string | null {
  const base = PAGES[type as MatchType]
  return base ? `${base}/${encodeURIComponent(id)}` : null
}

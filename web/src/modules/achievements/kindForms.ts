// The registration forms of achievements, talents and teams, generated from GET /kinds/<kind>:
// every described field that is not derived is in the form (types, limits, required and choices
// are the server's); the placements below only order them, size them and label their choices.
// A described field not placed here still shows, at the end of the first section.
import { emptyValue, formValue, requestValue, type FieldValue } from '@/shared/fieldValues'
import type { FieldSpec, KindSpec } from '@/shared/kinds'
import type { Kind } from '@/modules/achievements/types'

export interface Placement {
  name: string
  /** Columns out of 24 from the md breakpoint up; default 12. */
  md?: number
  rows?: number
  /** Text key prefix of an enum's choice labels. */
  labels?: string
}

/** A link of the kind (industry codes, transformation statuses, team members): drawn by the page. */
export type LinkInput = 'industry_codes' | 'statuses' | 'member_ids'

export interface Section {
  title: string
  fields: Placement[]
  links?: LinkInput[]
}

export interface PlacedField extends Placement {
  spec: FieldSpec
}

export interface BuiltSection {
  title: string
  fields: PlacedField[]
  links: LinkInput[]
}

const CONTACT: Section = {
  title: 'ach.form.contact',
  fields: [{ name: 'contact_name', md: 8 }, { name: 'contact_phone', md: 8 }, { name: 'contact_email', md: 8 }],
}

export const KIND_FORMS: Record<Kind, Section[]> = {
  achievement: [
    {
      title: 'ach.form.basic',
      fields: [
        { name: 'name', md: 24 },
        { name: 'class', md: 8, labels: 'ach.class' },
        { name: 'maturity', md: 8, labels: 'ach.maturity' },
        { name: 'funding', md: 8, labels: 'ach.funding' },
        { name: 'programme' },
        { name: 'lab_id' },
        { name: 'keywords', md: 16 },
        { name: 'secret', md: 8 },
        { name: 'description', md: 24, rows: 4 },
        { name: 'remarks', md: 24, rows: 3 },
      ],
    },
    { title: 'ach.form.links', fields: [], links: ['industry_codes', 'statuses'] },
    CONTACT,
  ],
  talent: [
    {
      title: 'ach.form.basic',
      fields: [
        { name: 'name' },
        { name: 'title' },
        { name: 'fields', md: 24 },
        { name: 'specialties', md: 24, rows: 3 },
        { name: 'description', md: 24, rows: 4 },
      ],
      links: ['industry_codes'],
    },
    { title: 'ach.form.contact', fields: [{ name: 'contact_phone' }, { name: 'contact_email' }] },
  ],
  team: [
    {
      title: 'ach.form.basic',
      fields: [
        { name: 'name' },
        { name: 'lead_talent_id' },
        { name: 'specialties', md: 24, rows: 3 },
        { name: 'description', md: 24, rows: 4 },
      ],
      links: ['member_ids', 'industry_codes'],
    },
  ],
}

/** The links a kind's description names, as GET /kinds/<kind> gives them. */
export type DescribedKind = KindSpec & { links?: { name: string }[] }

/** The form of `kind` for its description: placed fields it describes, then the unplaced ones. */
export function buildForm(kind: Kind, described: DescribedKind): BuiltSection[] {
  const specs = new Map(described.fields.filter((f) => !f.derived).map((f) => [f.name, f]))
  const links = new Set((described.links ?? []).map((l) => l.name))
  const placed = new Set<string>()
  const sections = KIND_FORMS[kind].map((s) => ({
    title: s.title,
    fields: s.fields.flatMap((p) => {
      const spec = specs.get(p.name)
      if (!spec) return []
      placed.add(p.name)
      return [{ ...p, spec }]
    }),
    links: (s.links ?? []).filter((l) => links.has(l)),
  }))
  const rest = [...specs.values()].filter((f) => !placed.has(f.name)).map((spec) => ({ name: spec.name, spec }))
  sections[0].fields.push(...rest)
  return sections.filter((s) => s.fields.length > 0 || s.links.length > 0)
}

/** A list typed as one line: split at commas, enumeration commas, semicolons and line breaks. */
export function parseList(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** What the form holds for a stored value: a string list as one line of text. */
export function toForm(spec: FieldSpec, stored: unknown): FieldValue {
  if (spec.type === 'string_list') return Array.isArray(stored) ? stored.map(String).join('、') : ''
  return stored === undefined ? emptyValue(spec) : formValue(spec, stored)
}

/** What to send for the form's value: a string list's line split into its items. */
export function toRequest(spec: FieldSpec, value: FieldValue): FieldValue {
  if (spec.type === 'string_list') return typeof value === 'string' ? parseList(value) : (value ?? [])
  return requestValue(spec, value)
}

/** The request body of the whole form: every placed field and every link the form draws. Team
 * members go with their roles, as `members: [{talent_id, role}]` (the link's detailed form; sending
 * `member_ids` too would name each member twice). */
export function requestBody(
  sections: BuiltSection[],
  form: Record<string, FieldValue>,
  links: Partial<Record<LinkInput, string[]>>,
  memberRoles: Record<string, string> = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const s of sections) {
    for (const f of s.fields) body[f.name] = toRequest(f.spec, form[f.name] ?? emptyValue(f.spec))
    for (const l of s.links) {
      if (l === 'member_ids') {
        body.members = (links.member_ids ?? []).map((id) => ({ talent_id: id, role: (memberRoles[id] ?? '').trim() }))
      } else {
        body[l] = links[l] ?? []
      }
    }
  }
  return body
}

/** The roles of a stored team's members, by talent id. */
export function rolesOf(members: { talent_id: string; role: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((members ?? []).map((m) => [m.talent_id, m.role]))
}

/** Every name a server error may point at in a placed field or a link of any kind's form. */
export const PLACED_NAMES: string[] = [
  ...new Set(Object.values(KIND_FORMS).flatMap((sections) => sections.flatMap((s) => [...s.fields.map((f) => f.name), ...(s.links ?? [])]))),
  'members',
]

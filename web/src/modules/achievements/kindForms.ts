// The registration forms of achievements, talents and teams, generated from GET /kinds/<kind>:
// every described field that is not derived is in the form (types, limits, required and choices
// are the server's); the placements below only order them, size them and label their choices.
// A described field not placed here still shows, at the end of the first section.
import type { FieldValue } from '@/shared/fieldValues'
import { buildSections, fieldsBody, placedNames, type BuiltSection as Built, type DescribedKind, type Section as Placed } from '@/shared/describedForm'
import type { Kind } from '@/modules/achievements/types'

export { parseList, toForm, toRequest, type DescribedKind, type PlacedField, type Placement } from '@/shared/describedForm'

/** A link of the kind (industry codes, transformation statuses, team members): drawn by the page. */
export type LinkInput = 'industry_codes' | 'statuses' | 'member_ids'

export type Section = Placed<LinkInput>
export type BuiltSection = Built<LinkInput>

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

/** The form of `kind` for its description: placed fields it describes, then the unplaced ones. */
export function buildForm(kind: Kind, described: DescribedKind): BuiltSection[] {
  return buildSections(KIND_FORMS[kind], described)
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
  const body = fieldsBody(sections, form)
  for (const s of sections) {
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
export const PLACED_NAMES: string[] = [...placedNames(Object.values(KIND_FORMS)), 'members']

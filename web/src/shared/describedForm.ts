// A form generated from a kind's description (GET /kinds/<kind>): every described field that is
// not derived is in the form (types, limits, required and choices are the server's); a module's
// placements only order the fields, size them and label their choices. A described field no
// placement names still shows, at the end of the first section, so that a field added on the
// server is never missing from the form. Used by catalog's unit forms and the achievement library.
import { emptyValue, formValue, requestValue, type FieldValue } from '@/shared/fieldValues'
import type { FieldSpec, KindSpec } from '@/shared/kinds'

export interface Placement {
  name: string
  /** Columns out of 24 from the md breakpoint up; default 12. */
  md?: number
  rows?: number
  /** Text key prefix of an enum's choice labels. */
  labels?: string
}

export interface Section<L extends string = string> {
  title: string
  fields: Placement[]
  /** Links of the kind (industry codes …) drawn by the page, when the description names them. */
  links?: L[]
}

export interface PlacedField extends Placement {
  spec: FieldSpec
}

export interface BuiltSection<L extends string = string> {
  title: string
  fields: PlacedField[]
  links: L[]
}

/** The links a kind's description names, as GET /kinds/<kind> gives them. */
export type DescribedKind = KindSpec & { links?: { name: string }[] }

/** The form for `placements` and a description: placed fields it describes, then the unplaced ones. */
export function buildSections<L extends string>(placements: Section<L>[], described: DescribedKind): BuiltSection<L>[] {
  const specs = new Map(described.fields.filter((f) => !f.derived).map((f) => [f.name, f]))
  const links = new Set((described.links ?? []).map((l) => l.name))
  const placed = new Set<string>()
  const sections = placements.map((s) => ({
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
  if (sections.length > 0) sections[0].fields.push(...rest)
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

/** The request body of the built fields (links are the page's to add). */
export function fieldsBody(sections: BuiltSection[], form: Record<string, FieldValue>): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const s of sections) for (const f of s.fields) body[f.name] = toRequest(f.spec, form[f.name] ?? emptyValue(f.spec))
  return body
}

/** Every name a server error may point at in the placements' fields and links. */
export function placedNames(forms: Section[][]): string[] {
  return [...new Set(forms.flatMap((sections) => sections.flatMap((s) => [...s.fields.map((f) => f.name), ...(s.links ?? [])])))]
}

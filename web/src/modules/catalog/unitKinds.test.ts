import { describe, expect, it } from 'vitest'
import { buildSections, fieldsBody, placedNames, toForm, type DescribedKind } from '@/shared/describedForm'
import { UNIT_FIELD_NAMES, UNIT_KINDS, unitKindOf } from '@/modules/catalog/unitKinds'
import type { FieldSpec } from '@/shared/kinds'

/** A described field: text, optional, unlimited unless `extra` says otherwise. */
function f(name: string, type: FieldSpec['type'] = 'text', extra: Partial<FieldSpec> = {}): FieldSpec {
  return { name, type, required: false, max_chars: 0, choices: [], ...extra }
}

// The lab as GET /kinds/lab describes it (src/modules/catalog/specs_lab.cpp), plus a field the
// server added later that no placement names yet.
const lab: DescribedKind = {
  kind: 'lab',
  collection: 'labs',
  fields: [
    f('name', 'text', { required: true, max_chars: 100 }),
    f('kind', 'enum', { required: true, choices: ['open_lab', 'key_lab'] }),
    f('address'),
    f('district_code', 'code'),
    f('open_status', 'enum'),
    f('description', 'long_text'),
    f('base_id', 'ref'),
    f('contact_name'),
    f('contact_phone'),
    f('contact_email'),
    f('website'),
    f('org_name', 'text', { derived: true }),
  ],
  links: [{ name: 'industry_codes' }],
}

describe('a form generated from a description', () => {
  it('places the described fields in the placements order, unplaced ones at the end of the first section', () => {
    const sections = buildSections(UNIT_KINDS.lab.sections, lab)
    expect(sections.map((s) => s.title)).toEqual(['unit.section.basic', 'unit.section.contact'])
    const first = sections[0].fields.map((x) => x.name)
    expect(first.slice(0, 3)).toEqual(['name', 'kind', 'open_status'])
    expect(first[first.length - 1]).toBe('website')
    expect(first).not.toContain('org_name') // derived: the server's, never sent
    expect(sections[0].links).toEqual(['industry_codes'])
    expect(sections[0].fields[1].spec.choices).toEqual(['open_lab', 'key_lab'])
  })

  it('drops placements the description lacks and links it does not name', () => {
    const bare: DescribedKind = { kind: 'lab', collection: 'labs', fields: [f('name')] }
    const sections = buildSections(UNIT_KINDS.lab.sections, bare)
    expect(sections).toHaveLength(1)
    expect(sections[0].fields.map((x) => x.name)).toEqual(['name'])
    expect(sections[0].links).toEqual([])
  })

  it('loads stored values and sends what the registry takes: trimmed text, null for empty choices and money', () => {
    const sections = buildSections(UNIT_KINDS.lab.sections, lab)
    const form: Record<string, ReturnType<typeof toForm>> = {}
    const stored = { name: ' 开放实验室 ', kind: 'open_lab', district_code: null, website: undefined }
    for (const s of sections) for (const x of s.fields) form[x.name] = toForm(x.spec, (stored as Record<string, unknown>)[x.name])
    expect(form.district_code).toBe('')
    const body = fieldsBody(sections, form)
    expect(body.name).toBe('开放实验室')
    expect(body.district_code).toBeNull()
    expect(body.kind).toBe('open_lab')
    expect(body).not.toHaveProperty('industry_codes') // the page adds links
    expect(body).not.toHaveProperty('org_name')
  })

  it('names every field and link of the unit kinds, so the registry errors land at their fields', () => {
    expect(UNIT_FIELD_NAMES).toEqual(expect.arrayContaining(['price_fen', 'cnas_expiry', 'amount_max_fen', 'industry_codes']))
    expect(placedNames([[{ title: 'x', fields: [{ name: 'a' }, { name: 'a' }], links: ['l'] }]])).toEqual(['a', 'l'])
  })

  it('finds a unit kind by its collection', () => {
    expect(unitKindOf('finance-products')?.kind).toBe('finance_product')
    expect(unitKindOf('instruments')).toBeUndefined()
  })
})

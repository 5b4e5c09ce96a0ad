import { describe, expect, it } from 'vitest'
import type { FieldSpec } from '@/shared/kinds'
import { buildForm, parseList, requestBody, rolesOf, toForm, toRequest, type DescribedKind } from './kindForms'

const field = (name: string, type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type,
  required: false,
  max_chars: 0,
  choices: [],
  ...extra,
})

const ACHIEVEMENT: DescribedKind = {
  kind: 'achievement',
  collection: 'achievements',
  fields: [
    field('name', 'text', { required: true }),
    field('class', 'enum', { choices: ['basic_research'] }),
    field('keywords', 'string_list'),
    field('secret', 'bool'),
    field('registration_no', 'text', { derived: true }),
    field('new_field', 'text'),
  ],
  links: [{ name: 'industry_codes' }, { name: 'statuses' }],
}

describe('registration forms from the kind description', () => {
  it('places described fields, drops derived and undescribed ones, and keeps unplaced ones at the end of the first section', () => {
    const sections = buildForm('achievement', ACHIEVEMENT)
    const names = sections.map((s) => s.fields.map((f) => f.name))
    expect(names[0]).toEqual(['name', 'class', 'keywords', 'secret', 'new_field'])
    expect(sections[1].links).toEqual(['industry_codes', 'statuses'])
    // The contact section has no described field: it is left out.
    expect(sections).toHaveLength(2)
  })

  it('leaves out a link the description does not name', () => {
    const sections = buildForm('achievement', { ...ACHIEVEMENT, links: [{ name: 'industry_codes' }] })
    expect(sections[1].links).toEqual(['industry_codes'])
  })

  it('types a string list as one line and sends it as items', () => {
    const keywords = field('keywords', 'string_list')
    expect(parseList(' 钙钛矿，光伏、 叠层;;\n电池 ')).toEqual(['钙钛矿', '光伏', '叠层', '电池'])
    expect(toForm(keywords, ['钙钛矿', '光伏'])).toBe('钙钛矿、光伏')
    expect(toForm(keywords, null)).toBe('')
    expect(toRequest(keywords, '钙钛矿、光伏')).toEqual(['钙钛矿', '光伏'])
    expect(toRequest(field('class', 'enum'), '')).toBeNull()
    expect(toForm(field('secret', 'bool'), undefined)).toBe(false)
  })

  it('sends every field and every link of the form', () => {
    const sections = buildForm('achievement', ACHIEVEMENT)
    const body = requestBody(sections, { name: ' 钙钛矿电池 ', class: 'basic_research', keywords: 'a, b', secret: true }, {
      industry_codes: ['3825'],
      statuses: ['2', '4'],
    })
    expect(body).toEqual({
      name: '钙钛矿电池',
      class: 'basic_research',
      keywords: ['a', 'b'],
      secret: true,
      new_field: '',
      industry_codes: ['3825'],
      statuses: ['2', '4'],
    })
  })

  it('sends team members with their roles, once each', () => {
    const team = { ...ACHIEVEMENT, kind: 'team', collection: 'teams', fields: [field('name', 'text')], links: [{ name: 'member_ids' }] }
    const sections = buildForm('team', team as DescribedKind)
    const body = requestBody(sections, { name: '光伏团队' }, { member_ids: ['7', '9'] }, rolesOf([{ talent_id: '7', role: ' 负责人 ' }]))
    expect(body.members).toEqual([
      { talent_id: '7', role: '负责人' },
      { talent_id: '9', role: '' },
    ])
    expect(body).not.toHaveProperty('member_ids')
  })
})

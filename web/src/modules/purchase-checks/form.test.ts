import { describe, expect, it } from 'vitest'
import { checkBody, emptyForm, emptyQuote, formFields, formOf, isRequired } from '@/modules/purchase-checks/form'
import { BASIS, STATUS_TAG, STATUSES } from '@/modules/purchase-checks/labels'
import type { Check } from '@/modules/purchase-checks/types'

function filled() {
  const form = emptyForm()
  form.name = ' 高分辨质谱仪 '
  form.class_code = '0102'
  form.budget = '3,500,000.5'
  form.funding_source = 'central_fiscal'
  form.expected_hours = 1500
  form.quotes = [{ supplier: '供应商甲', model: 'X1', price: '3000000', note: '' }]
  return form
}

describe('the check form', () => {
  it('sends money in fen, texts trimmed, quotes as rows', () => {
    const { body, problems } = checkBody(filled())
    expect(problems).toEqual({})
    expect(body).toMatchObject({
      name: '高分辨质谱仪',
      class_code: '0102',
      budget_fen: 350000050,
      funding_source: 'central_fiscal',
      expected_hours: 1500,
      quotes: [{ supplier: '供应商甲', model: 'X1', price_fen: 300000000, note: '' }],
    })
  })

  it('names each amount that is not yuan by the path the server uses', () => {
    const form = filled()
    form.budget = '12.345'
    form.quotes.push({ ...emptyQuote(), supplier: '乙', price: '三百万' })
    const { body, problems } = checkBody(form)
    expect(body).toBeNull()
    expect(problems).toEqual({ budget_fen: 'pc.form.badYuan', 'quotes[1].price_fen': 'pc.form.badYuan' })
  })

  it('leaves an empty budget and expected hours to the server', () => {
    const form = filled()
    form.budget = ''
    form.expected_hours = undefined
    const { body } = checkBody(form)
    expect(body?.budget_fen).toBe(0)
    expect(body).not.toHaveProperty('expected_hours')
  })

  it('refuses a sixth quote before sending', () => {
    const form = filled()
    form.quotes = Array.from({ length: 6 }, () => ({ ...emptyQuote(), supplier: 's', price: '1' }))
    expect(checkBody(form).problems.quotes).toBe('pc.form.tooManyQuotes')
  })

  it('shows a stored check again in yuan', () => {
    const check = { ...filled(), budget_fen: 200000000, quotes: [{ supplier: 'a', model: '', price_fen: 12345, note: 'n' }] } as unknown as Check
    const form = formOf(check)
    expect(form.budget).toBe('2000000.00')
    expect(form.quotes[0]).toEqual({ supplier: 'a', model: '', price: '123.45', note: 'n' })
  })

  it('knows every field the server names, quotes by row', () => {
    expect(formFields()).toContain('quotes[4].price_fen')
    expect(formFields()).toContain('why_not_existing')
  })

  it('is required from the threshold on', () => {
    expect(isRequired('2000000', 200000000)).toBe(true)
    expect(isRequired('1999999.99', 200000000)).toBe(false)
    expect(isRequired('x', 200000000)).toBe(false)
  })
})

describe('labels', () => {
  it('colours every state and splits the basis by direction', () => {
    for (const s of STATUSES) expect(STATUS_TAG[s]).toBeTruthy()
    expect(BASIS.recommend).toContain('comparables_saturated')
    expect(BASIS.advise_sharing).not.toContain('no_comparable')
  })
})

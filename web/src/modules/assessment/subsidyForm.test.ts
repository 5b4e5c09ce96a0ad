import { describe, expect, it } from 'vitest'
import { overrideErrors, subsidyBody, yuanToFen, type SubsidyForm } from '@/modules/assessment/subsidyForm'

const form = (overrides: SubsidyForm['overrides'] = []): SubsidyForm => ({
  budget: 500000,
  cap: 100000.5,
  minGrade: 'pass',
  factors: { excellent: 3, good: 2, pass: 1, poor: 0 },
  overrides,
})

describe('subsidy form', () => {
  it('turns yuan into whole fen without float noise', () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30)
    expect(yuanToFen(1.005)).toBe(101)
    expect(yuanToFen(500000)).toBe(50000000)
    expect(yuanToFen(0)).toBe(0)
  })

  it('sends the budget, the rule and the filled overrides in fen', () => {
    const body = subsidyBody(form([{ org_id: ' 12 ', yuan: 2500.25, reason: ' 已获其他补助 ' }, { org_id: '', yuan: 9, reason: '' }]))
    expect(body).toEqual({
      budget_fen: 50000000,
      rule: { grade_factors: { excellent: 3, good: 2, pass: 1, poor: 0 }, cap_fen: 10000050, min_grade: 'pass' },
      overrides: [{ org_id: '12', amount_fen: 250025, reason: '已获其他补助' }],
    })
  })

  it('copies the factors so that editing the form after sending changes nothing sent', () => {
    const f = form()
    const body = subsidyBody(f)
    f.factors.excellent = 9
    expect(body.rule.grade_factors.excellent).toBe(3)
  })

  it("gathers the server's messages of one override row", () => {
    const errors = { 'overrides[0].reason': '须说明调整理由', 'overrides[0].amount_fen': '超过每单位上限', 'overrides[1].org_id': '重复', budget_fen: 'x' }
    expect(overrideErrors(errors, 0)).toBe('须说明调整理由；超过每单位上限')
    expect(overrideErrors(errors, 1)).toBe('重复')
    expect(overrideErrors(errors, 2)).toBe('')
  })
})

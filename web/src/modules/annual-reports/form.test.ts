import { describe, expect, it } from 'vitest'
import { errorsAt, newContract, sumsByMode, toContent, toForm, unconfirmed, yuanToFen } from '@/modules/annual-reports/form'
import type { Content } from '@/modules/annual-reports/types'

const content: Content = {
  contracts: [
    { mode: null, achievement_id: '12', counterpart: '', amount_fen: 0, received_fen: 0, equity_bp: 0, source: 'platform', confirmed: false },
    { mode: 'investment', achievement_id: null, counterpart: '示范科技', amount_fen: 123456, received_fen: 0, equity_bp: 2550, source: 'manual', confirmed: true },
  ],
  tech_contracts: { development: { count: 2, amount_fen: 30000 }, consulting: { count: 0, amount_fen: 0 }, service: { count: 1, amount_fen: 5 } },
  income: { unit_fen: 100, staff_fen: 200 },
  rewards: { cash_fen: 300, equity_fen: 400, headcount: 3 },
  spinoffs: [{ name: '示范科技', credit_code: '' }],
  offices: [{ name: '技术转移中心', kind: 'office' }],
  narrative: { work_done: '工作', problems: '', policy: '' },
  pledge: false,
}

describe('the annual report form', () => {
  it('turns fen into yuan and back without losing a fen', () => {
    expect(toContent(toForm(content))).toEqual(content)
    expect(yuanToFen(0.1 + 0.2)).toBe(30)
    expect(yuanToFen(1234.56)).toBe(123456)
  })

  it('keeps an equity share only for investments, and drops empty spin-offs', () => {
    const form = toForm(content)
    form.contracts[0].mode = 'transfer'
    form.contracts[0].equity_percent = 10
    form.spinoffs.push({ name: '  ', credit_code: '' })
    const out = toContent(form)
    expect(out.contracts[0].equity_bp).toBe(0)
    expect(out.contracts[1].equity_bp).toBe(2550)
    expect(out.spinoffs).toHaveLength(1)
  })

  it('counts unconfirmed pre-filled rows and sums amounts by mode', () => {
    const form = toForm(content)
    expect(unconfirmed(form)).toBe(1)
    form.contracts[0].confirmed = true
    expect(unconfirmed(form)).toBe(0)
    form.contracts.push({ ...newContract(), mode: 'investment', amount: 0.01 })
    expect(sumsByMode(form)).toEqual({ transfer: 0, license: 0, investment: 1234.57 })
  })

  it('finds the server messages of one row by its path', () => {
    const errors = { 'contracts[1].amount_fen': '不能为负数', 'contracts[10].mode': 'x', pledge: '须勾选' }
    expect(errorsAt(errors, 'contracts[1].')).toEqual({ amount_fen: '不能为负数' })
    expect(errorsAt(errors, 'narrative.')).toEqual({})
  })
})

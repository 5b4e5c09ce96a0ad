import { describe, expect, it } from 'vitest'
import { newProgramme, programmeBody } from './programmeForm'

describe('programme form', () => {
  it('proposes this year, half a fee and both kinds of service', () => {
    const d = newProgramme(new Date('2026-12-06T10:00:00Z'))
    expect(d.year).toBe(2026)
    expect(d.share_percent).toBe(50)
    expect(d.kinds).toEqual(['testing', 'rd_design'])
  })
  it('sends empty amounts as 0 and trims the texts', () => {
    const body = programmeBody({ ...newProgramme(), name: ' 2026 年度创新券 ', budget_fen: 100_000_000 })
    expect(body.name).toBe('2026 年度创新券')
    expect(body.budget_fen).toBe(100_000_000)
    expect(body.cap_per_order_fen).toBe(0)
  })
})

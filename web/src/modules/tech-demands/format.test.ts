import { describe, expect, it } from 'vitest'
import { addModuleTexts } from '@/modules'
import { budgetText } from '@/modules/tech-demands/format'

addModuleTexts()

describe('budgetText', () => {
  it('shows a range, one end, or negotiable', () => {
    expect(budgetText({ budget_min_fen: 50_000_000, budget_max_fen: 200_000_000 })).toMatch(/500,000.*2,000,000/)
    expect(budgetText({ budget_min_fen: 100, budget_max_fen: null })).toMatch(/^≥/)
    expect(budgetText({ budget_min_fen: null, budget_max_fen: 100 })).toMatch(/^≤/)
    expect(budgetText({ budget_min_fen: null, budget_max_fen: null })).toBe('面议')
  })
})

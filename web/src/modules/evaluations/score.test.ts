import { describe, expect, it } from 'vitest'
import { levelOf, totalsByAssignee, weightedTotal } from '@/modules/evaluations/score'
import type { Criterion } from '@/modules/evaluations/types'

const applied: Criterion[] = [
  { code: 'breakthrough', weight: 40, name_zh: '', name_en: '' },
  { code: 'solution', weight: 30, name_zh: '', name_en: '' },
  { code: 'value', weight: 30, name_zh: '', name_en: '' },
]

describe('weighted score preview', () => {
  it('weighs each criterion and rounds half up', () => {
    expect(weightedTotal(applied, { breakthrough: 90, solution: 80, value: 70 })).toBe(81)
    // 40·85 + 30·84 + 30·84 = 8440 → 84.4 → 84; 40·86 + 30·84 + 30·84 = 8480 → 84.8 → 85
    expect(weightedTotal(applied, { breakthrough: 85, solution: 84, value: 84 })).toBe(84)
    expect(weightedTotal(applied, { breakthrough: 86, solution: 84, value: 84 })).toBe(85)
    // exactly half: 40·100 + 30·50 + 30·65 = 7450 → 74.5 → 75
    expect(weightedTotal(applied, { breakthrough: 100, solution: 50, value: 65 })).toBe(75)
  })

  it('has no total while a score is missing or out of 0–100', () => {
    expect(weightedTotal(applied, { breakthrough: 90, solution: 80 })).toBeNull()
    expect(weightedTotal(applied, { breakthrough: 101, solution: 80, value: 70 })).toBeNull()
    expect(weightedTotal(applied, { breakthrough: 50.5, solution: 80, value: 70 })).toBeNull()
    expect(weightedTotal(applied, { breakthrough: null, solution: 80, value: 70 })).toBeNull()
  })

  it('totals each assignee on their own', () => {
    const totals = totalsByAssignee(applied, [
      { user_id: '1', criterion: 'breakthrough', score: 90, comment: '' },
      { user_id: '1', criterion: 'solution', score: 80, comment: '' },
      { user_id: '1', criterion: 'value', score: 70, comment: '' },
      { user_id: '2', criterion: 'breakthrough', score: 60, comment: '' },
      { user_id: '2', criterion: 'solution', score: 60, comment: '' },
      { user_id: '2', criterion: 'value', score: 60, comment: '' },
    ])
    expect([...totals.entries()]).toEqual([
      ['1', 81],
      ['2', 60],
    ])
  })

  it('names the level as the server does', () => {
    expect([levelOf(85), levelOf(84), levelOf(70), levelOf(69), levelOf(60), levelOf(59)]).toEqual([
      'excellent',
      'good',
      'good',
      'pass',
      'pass',
      'fail',
    ])
  })
})

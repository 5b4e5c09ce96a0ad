import { describe, expect, it } from 'vitest'
import type { Scheme } from '@/modules/assessment/types'
import { groupWeight, schemeProblems, weightSum } from './schemeForm'
import { formatValue } from './labels'

function scheme(): Scheme {
  return {
    name: '方案',
    source: '',
    total: 100,
    scope: { min_original_value_fen: 50_000_000 },
    groups: [
      {
        code: 'sharing',
        name: '共享服务',
        name_en: 'Sharing',
        indicators: [
          { code: 'a', name: 'A', name_en: 'A', measure: 'sharing_rate', weight: 60.5, rule: { kind: 'linear', target: 0.1 } },
          { code: 'b', name: 'B', name_en: 'B', measure: 'average_rating', weight: 39.5, rule: { kind: 'range', zero: 3, full: 5 } },
        ],
      },
    ],
    grades: [
      { grade: 'excellent', min: 85 },
      { grade: 'good', min: 70 },
      { grade: 'pass', min: 60 },
    ],
    tie_break: ['sharing'],
    rectification_working_days: 30,
  }
}
const measures = new Set(['sharing_rate', 'average_rating'])

describe('the scheme form', () => {
  it('sums weights in hundredths, as the server does', () => {
    expect(weightSum(scheme())).toBe(100)
    expect(groupWeight(scheme().groups[0])).toBe(100)
    expect(schemeProblems(scheme(), measures)).toEqual([])
  })

  it('names every problem the server would refuse', () => {
    const s = scheme()
    s.groups[0].indicators[0].weight = 61
    s.groups[0].indicators[1].measure = 'drop_table'
    s.groups[0].indicators[1].rule = { kind: 'range', zero: 5, full: 3 }
    s.grades[2].min = 75
    const fields = schemeProblems(s, measures).map((p) => p.field)
    expect(fields).toEqual([
      'scheme.groups[0].indicators[1].measure',
      'scheme.groups[0].indicators[1].rule.full',
      'scheme.groups',
      'scheme.grades[2].min',
    ])
  })

  it('shows ratios as percentages and leaves a missing value as a dash', () => {
    expect(formatValue(0.8, 'ratio')).toBe('80.0%')
    expect(formatValue(120, '小时')).toBe('120')
    expect(formatValue(null, '分（1–5）')).toBe('—')
  })
})

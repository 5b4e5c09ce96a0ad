import { describe, expect, it } from 'vitest'
import { endedYears, todayShanghai } from '@/modules/annual-reports/labels'

describe('annual report years', () => {
  it('offers only years that have ended, newest first', () => {
    expect(endedYears('2026-03-01', 3)).toEqual([2025, 2024, 2023])
  })
  it('takes today in Beijing, not UTC', () => {
    // 31 December 2025 at 17:00 UTC is already 1 January 2026 in Beijing.
    expect(todayShanghai(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01')
    expect(endedYears(todayShanghai(new Date('2025-12-31T17:00:00Z')), 1)).toEqual([2025])
  })
})

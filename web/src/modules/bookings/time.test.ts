import { describe, expect, it } from 'vitest'
import { addDays, beijing, mondayOf, monthEnd, monthStart, shiftIso, spanText, todayBeijing, weekdayIndex } from './time'
import { inputToRules, rulesToInput, defaultRules, listToWeekdays, weekdaysToList } from './rulesForm'
import type { BookingRules } from './types'

describe('Beijing time', () => {
  it('reads UTC instants as Beijing dates and times, across midnight', () => {
    expect(beijing('2026-12-30T16:30:00Z')).toEqual({ date: '2026-12-31', time: '00:30' })
    expect(spanText('2026-12-30T01:30:00Z', '2026-12-30T03:30:00Z')).toBe('2026-12-30 09:30–11:30')
    expect(todayBeijing(Date.parse('2026-12-05T21:00:00Z'))).toBe('2026-12-06')
  })

  it('finds weeks (Monday first) and months, and moves a booking by whole days', () => {
    expect(weekdayIndex('2026-12-06')).toBe(6) // a Sunday
    expect(mondayOf('2026-12-06')).toBe('2026-11-30')
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04')
    expect([monthStart('2028-02-15'), monthEnd('2028-02-15')]).toEqual(['2028-02-01', '2028-02-29'])
    expect(shiftIso('2026-12-30T01:30:00Z', 2)).toBe('2027-01-01T01:30:00Z')
  })
})

describe('rules form values', () => {
  it('turns fen into 元 and back without losing a fen, and weekdays into a list', () => {
    const stored = { ...defaultRules(), bookable: true, internal_fen_per_hour: 12345, version: 2 } as BookingRules
    const input = rulesToInput(stored)
    expect(input.internal_fen_per_hour).toBe(123.45)
    expect(input.external_fen_per_hour).toBeNull()
    expect(inputToRules(input).internal_fen_per_hour).toBe(12345)
    expect(inputToRules({ ...input, external_fen_per_sample: 0.1 + 0.2 }).external_fen_per_sample).toBe(30)
    expect(weekdaysToList('135')).toEqual([1, 3, 5])
    expect(listToWeekdays([7, 1, 3, 1])).toBe('137')
  })
})

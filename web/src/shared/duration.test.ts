import { describe, expect, it } from 'vitest'
import { durationParts, durationText } from './duration'

describe('duration', () => {
  it('cuts seconds into days, hours, minutes and seconds', () => {
    expect(durationParts(90061)).toEqual({ d: 1, h: 1, m: 1, s: 1 })
    expect(durationParts(-5)).toEqual({ d: 0, h: 0, m: 0, s: 0 })
  })

  it('words the span from its largest unit', () => {
    const words = (key: string, p: Record<string, number>) => `${key}:${p.d}/${p.h}/${p.m}/${p.s}`
    expect(durationText(3 * 86400 + 4 * 3600 + 59, 'x', words)).toBe('x.days:3/4/0/59')
    expect(durationText(7200, 'x', words)).toBe('x.hours:0/2/0/0')
    expect(durationText(61, 'x', words)).toBe('x.minutes:0/0/1/1')
    expect(durationText(9, 'x', words)).toBe('x.seconds:0/0/0/9')
  })
})

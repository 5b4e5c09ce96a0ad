import { describe, expect, it } from 'vitest'
import { toFen, toYuanText, wan } from '@/modules/tech-contracts/views'

describe('money in the contract form', () => {
  it('reads yuan with at most two decimals into fen, exactly', () => {
    expect(toFen('12.5')).toBe(1250)
    expect(toFen('0.07')).toBe(7)
    expect(toFen('500000')).toBe(50_000_000)
    expect(toFen('1.234')).toBeNaN()
    expect(toFen('-3')).toBeNaN()
    expect(toFen('')).toBeNaN()
  })
  it('writes fen back as yuan and as 万元', () => {
    expect(toYuanText(1250)).toBe('12.50')
    expect(toYuanText(null)).toBe('')
    expect(wan(50_000_000)).toBe('50.00')
  })
})

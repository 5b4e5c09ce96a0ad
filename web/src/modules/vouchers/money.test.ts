import { describe, expect, it } from 'vitest'
import { bookingFeeFen, maxVoucherFen, money, scaleFen, usedPercent } from './money'

const rules = {
  internal_fen_per_hour: 10000,
  external_fen_per_hour: 30000,
  internal_fen_per_sample: null,
  external_fen_per_sample: 5000,
}

describe('scaleFen', () => {
  it('rounds half away from zero as the server does', () => {
    expect(scaleFen(60000, 50, 100)).toBe(30000)
    expect(scaleFen(1, 50, 100)).toBe(1) // 0.5 → 1
    expect(scaleFen(3, 33, 100)).toBe(1) // 0.99 → 1
    expect(scaleFen(1, 49, 100)).toBe(0) // 0.49 → 0
    expect(scaleFen(30000, 90, 60)).toBe(45000)
  })
})

describe('bookingFeeFen', () => {
  it('charges by the hour, the external price for another organisation', () => {
    expect(bookingFeeFen(rules, 120, 0, false)).toBe(60000)
    expect(bookingFeeFen(rules, 90, 0, true)).toBe(15000)
  })
  it('charges per sample when there is that price and samples are given', () => {
    expect(bookingFeeFen(rules, 120, 3, false)).toBe(15000)
    expect(bookingFeeFen(rules, 120, 3, true)).toBe(20000) // no internal per-sample price: by the hour
  })
  it('is nothing without prices', () => {
    expect(bookingFeeFen({ ...rules, external_fen_per_hour: null, external_fen_per_sample: null }, 60, 0, false)).toBe(0)
  })
})

describe('maxVoucherFen', () => {
  it('is the share of the fee', () => {
    expect(maxVoucherFen({ feeFen: 60000, sharePercent: 50, availableFen: 2_000_000 })).toBe(30000)
  })
  it('stays within the cap per order and the balance', () => {
    expect(maxVoucherFen({ feeFen: 60000, sharePercent: 50, capPerOrderFen: 20000, availableFen: 2_000_000 })).toBe(20000)
    expect(maxVoucherFen({ feeFen: 60000, sharePercent: 50, availableFen: 10000 })).toBe(10000)
  })
  it('is never below zero', () => {
    expect(maxVoucherFen({ feeFen: 0, sharePercent: 50, availableFen: 0 })).toBe(0)
  })
})

describe('money and usedPercent', () => {
  it('formats fen as 元 with two decimals and thousands', () => {
    expect(money(123456)).toBe('1,234.56 元')
    expect(money(30000)).toBe('300.00 元')
    expect(money(null)).toBe('')
  })
  it('rounds the used share of a budget', () => {
    expect(usedPercent(100_000_000, 98_000_000)).toBe(2)
    expect(usedPercent(0, 0)).toBe(0)
  })
})

import { describe, expect, it } from 'vitest'
import { fenToYuanText, yuanToFen } from './money'

describe('yuanToFen', () => {
  it('reads 元 as people type them, exactly (no floating point)', () => {
    expect(yuanToFen('1200')).toBe(120000)
    expect(yuanToFen(' 1,200.5 ')).toBe(120050)
    expect(yuanToFen('0.29')).toBe(29)
    expect(yuanToFen('１２.３')).toBe(1230)
    expect(yuanToFen('0')).toBe(0)
    expect(yuanToFen('99999999.99')).toBe(9_999_999_999)
  })

  it('refuses what is not an amount with at most two decimals', () => {
    for (const text of ['', ' ', '-1', '1.234', 'abc', '1e3', '1.2.3', '.5']) expect(yuanToFen(text), text).toBeNull()
  })

  it('writes fen back as 元', () => {
    expect(fenToYuanText(120050)).toBe('1200.50')
    expect(fenToYuanText(7)).toBe('0.07')
    expect(fenToYuanText(null)).toBe('')
  })
})

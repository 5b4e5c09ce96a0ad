import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '@/shared/i18n'
import { formatValue, nameOf, unitOf } from '@/modules/assessment/labels'

afterEach(() => setLocale('zh'))

describe('assessment labels', () => {
  it('reads a ratio as a percentage with one decimal, in either language', () => {
    expect(formatValue(0.5, '比例')).toBe('50.0%')
    expect(formatValue(0.12345, 'ratio')).toBe('12.3%')
    expect(formatValue(1, '比例')).toBe('100.0%')
  })

  it('writes counts whole and other values with two decimals at most', () => {
    expect(formatValue(2160, '分钟')).toBe('2,160')
    expect(formatValue(36.666, '小时')).toBe('36.67')
    expect(formatValue(0, '次')).toBe('0')
  })

  it('shows a missing value (no ratings) as a dash, not as 0', () => {
    expect(formatValue(null, '分')).toBe('—')
    expect(formatValue(undefined, '分')).toBe('—')
  })

  it("names things and units in the page's language, Chinese when there is no English", () => {
    const m = { name: '共享率', name_en: 'Sharing rate', unit: '小时', unit_en: 'hours' }
    expect(nameOf(m)).toBe('共享率')
    expect(unitOf(m)).toBe('小时')
    setLocale('en')
    expect(nameOf(m)).toBe('Sharing rate')
    expect(nameOf({ name: '共享率' })).toBe('共享率')
    expect(unitOf(m)).toBe('hours')
    expect(unitOf({ unit: '比例', unit_en: 'ratio' })).toBe('')
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '@/shared/i18n'
import { isTransformed, sortedStatuses, transformationLabel } from './statuses'

afterEach(() => setLocale('zh'))

describe('transformation statuses', () => {
  it('shows each code with its meaning in the chosen language', () => {
    expect(transformationLabel('2')).toBe('2 — 已被其他企业应用，成果拥有单位通过技术服务或技术转让获得了收入')
    setLocale('en')
    expect(transformationLabel('5')).toBe('5 — Talent cultivation only: training, recruitment, exchange or outreach projects')
    expect(transformationLabel('9')).toBe('9')
  })

  it('counts 1 to 3 as transformed, as the statistics do', () => {
    expect(isTransformed(['4', '3'])).toBe(true)
    expect(isTransformed(['4', '5'])).toBe(false)
    expect(isTransformed([])).toBe(false)
  })

  it('orders the statuses, each once', () => {
    expect(sortedStatuses(['4', '2', '4'])).toEqual(['2', '4'])
  })
})

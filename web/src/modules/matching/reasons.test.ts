import { describe, expect, it } from 'vitest'
import { detailLink, reasonText } from '@/modules/matching/reasons'

const t = (key: string, params?: Record<string, string>) => `${key}|${params?.values ?? ''}`

describe('matching reasons', () => {
  it('joins the values and names the district', () => {
    expect(reasonText({ code: 'text', values: ['质谱', '残留'] }, t)).toBe('matching.reason.text|质谱、残留')
    // The reference list is not loaded here: the district shows as its code.
    expect(reasonText({ code: 'district', values: ['110108'] }, t)).toBe('matching.reason.district|110108')
    expect(reasonText({ code: 'contracts', values: ['3'] }, t)).toBe('matching.reason.contracts|3')
  })
  it('links kinds that have a page and not labs', () => {
    expect(detailLink('achievement', '7')).toBe('/achievements/7')
    expect(detailLink('tech_demand', '9')).toBe('/tech-demands/9')
    expect(detailLink('lab', '3')).toBeNull()
  })
})

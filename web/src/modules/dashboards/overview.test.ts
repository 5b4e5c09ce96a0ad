import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '@/shared/i18n'
import { breakdownFigures, formatRate, formatScore, opennessRate, overviewTotals, pinnedDimension, scopeCrumbs, scopeQuery, yearChoices } from '@/modules/dashboards/overview'
import { OVERVIEW_SAMPLE } from '@/modules/dashboards/sample'
import type { User } from '@/shared/types'

afterEach(() => setLocale('zh'))

const user = (roles: string[], district_code = '', department_code = ''): User => ({
  id: '1',
  username: 'u',
  display_name: 'u',
  org_id: null,
  department_code,
  district_code,
  roles,
  must_change_password: false,
  totp_enabled: false,
})

describe('the overview figures', () => {
  it('adds up the kinds by status and reads the rest as the server counts them', () => {
    const o = overviewTotals(OVERVIEW_SAMPLE)
    expect(o.units).toBe(130)
    expect(o.approved).toBe(14) // 12 instruments + 2 labs
    expect(o.waiting).toBe(5) // 3 + 2
    expect(o.openInstruments).toBe(8) // 6 open + 2 partially open
    expect(o.bookings).toBe(9)
    expect(o.orders).toBe(4)
    expect(o.feeFen).toBe(1234567)
    expect(o.meanScore).toBe(86.5)
  })
  it('rates openness as served ÷ open instruments, none when nothing is open', () => {
    expect(opennessRate(OVERVIEW_SAMPLE)).toBe(3 / 8)
    expect(formatRate(opennessRate(OVERVIEW_SAMPLE))).toBe('37.5%')
    const closed = { ...OVERVIEW_SAMPLE, instruments: { ...OVERVIEW_SAMPLE.instruments, open: 0, partially_open: 0 } }
    expect(opennessRate(closed)).toBeNull()
    expect(formatRate(null)).toBe('—')
  })
  it('shows scores in points', () => {
    expect(formatScore(9125)).toBe('91.25')
    expect(formatScore(null)).toBe('—')
  })
  it('ranks a breakdown by the chosen figure, leaving out those at 0', () => {
    expect(breakdownFigures(OVERVIEW_SAMPLE.by_district, 'approved', 'district').map((f) => [f.key, f.count])).toEqual([
      ['110108', 10],
      ['110105', 4],
    ])
    expect(breakdownFigures(OVERVIEW_SAMPLE.by_district, 'units', 'district').map((f) => f.name)).toEqual(['海淀区', '朝阳区', '东城区'])
    setLocale('en')
    expect(breakdownFigures(OVERVIEW_SAMPLE.by_department, 'approved', 'other').map((f) => f.name)).toEqual(['Education', 'Health'])
    expect(breakdownFigures(OVERVIEW_SAMPLE.by_district, 'approved', 'district')[0].name).toBe('Haidian')
  })
  it('offers this year and the five before, and an older one asked for', () => {
    expect(yearChoices(2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021])
    expect(yearChoices(2026, 2010).slice(-1)).toEqual([2010])
  })
})

describe('the overview scope', () => {
  it('pins what the server pins for each account', () => {
    expect(pinnedDimension(user(['operator']))).toBeNull()
    expect(pinnedDimension(user(['department_reviewer'], '', 'edu'))).toBe('department')
    expect(pinnedDimension(user(['district_officer'], '110108'))).toBe('district')
    expect(pinnedDimension(user(['operator', 'district_officer'], '110108'))).toBeNull()
  })
  it('climbs from the unit back to the city, each crumb keeping the year', () => {
    const o = {
      ...OVERVIEW_SAMPLE,
      scope: {
        district: { code: '110108', name: '海淀区', name_en: '' },
        department: { code: 'edu', name: '教育', name_en: 'Education' },
        org: { code: '11', name: '北京示范大学', name_en: '' },
      },
    }
    expect(scopeCrumbs(o, null, '全市')).toEqual([
      { key: 'city', label: '全市', query: { year: '2026' } },
      { key: 'district', label: '海淀区', query: { year: '2026', district: '110108' } },
      { key: 'department', label: '教育', query: { year: '2026', district: '110108', department: 'edu' } },
      { key: 'org', label: '北京示范大学', query: { year: '2026', district: '110108', department: 'edu', org_id: '11' } },
    ])
    // A district officer's view starts at its district, which the server adds to every request.
    expect(scopeCrumbs({ ...o, scope: { ...o.scope, department: null } }, 'district', '全市')).toEqual([
      { key: 'district', label: '海淀区', query: { year: '2026' } },
      { key: 'org', label: '北京示范大学', query: { year: '2026', org_id: '11' } },
    ])
  })
  it('leaves empty filters out of the URL', () => {
    expect(scopeQuery({ year: '2026', district: '', department: 'edu', org_id: '' })).toEqual({ year: '2026', department: 'edu' })
  })
})

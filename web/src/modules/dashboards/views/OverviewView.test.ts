import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/shared/api'
import { setLocale } from '@/shared/i18n'
import { session } from '@/shared/session'
import type { User } from '@/shared/types'
import { dashboardsApi } from '@/modules/dashboards/api'
import { OVERVIEW_SAMPLE } from '@/modules/dashboards/sample'
import RankedBars from '@/modules/dashboards/components/RankedBars.vue'
import OverviewView from './OverviewView.vue'

// No canvas in jsdom: the charts draw nothing here, their text alternatives are what is tested.
vi.mock('@/shared/composables/useChart', () => ({ useChart: vi.fn() }))
// The selectors' reference data is not fetched here.
vi.mock('@/shared/reference', async (original) => ({
  ...(await original<typeof import('@/shared/reference')>()),
  loadDistricts: vi.fn().mockResolvedValue(undefined),
  loadDepartments: vi.fn().mockResolvedValue(undefined),
}))

function signIn(roles: string[], extra: Partial<User> = {}) {
  session.user = {
    id: '1',
    username: 'someone',
    display_name: 'someone',
    org_id: null,
    department_code: '',
    district_code: '',
    roles,
    must_change_password: false,
    totp_enabled: false,
    ...extra,
  }
}

beforeEach(() => signIn(['operator']))
afterEach(() => {
  vi.restoreAllMocks()
  session.user = null
  setLocale('zh')
})

async function mountOverview(path = '/overview') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/overview', component: OverviewView },
      { path: '/:any(.*)*', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  const w = mount(OverviewView, { global: { plugins: [router], stubs: { transition: false } } })
  await flushPromises()
  return { w, router }
}

const tileValue = (w: ReturnType<typeof mount>, key: string) => w.find(`[data-test=ov-tile-${key}] [data-test=ov-tile-value]`).text()
const tileDetail = (w: ReturnType<typeof mount>, key: string) => w.find(`[data-test=ov-tile-${key}] [data-test=ov-tile-detail]`).text()

describe('OverviewView', () => {
  it('computes the tiles from the answer: sums over kinds, openness rate, yuan and points', async () => {
    vi.spyOn(dashboardsApi, 'overview').mockResolvedValue(OVERVIEW_SAMPLE)
    const { w } = await mountOverview()
    expect(tileValue(w, 'units')).toBe('130')
    expect(tileValue(w, 'approved')).toBe('14')
    expect(tileDetail(w, 'approved')).toBe('待审核 5')
    expect(tileValue(w, 'open')).toBe('8')
    expect(tileDetail(w, 'open')).toBe('已发布仪器 12 台（套）')
    expect(tileValue(w, 'rate')).toBe('37.5%')
    expect(tileDetail(w, 'rate')).toBe('本年对外服务 3 / 开放 8')
    expect(tileValue(w, 'bookings')).toBe('9')
    expect(tileValue(w, 'orders')).toBe('4')
    expect(tileValue(w, 'deliveries')).toBe('7')
    expect(tileDetail(w, 'deliveries')).toBe('其中对外 5 次')
    expect(tileValue(w, 'fee')).toBe('12,345.67')
    expect(tileValue(w, 'vouchers')).toBe('2')
    expect(tileDetail(w, 'vouchers')).toBe('面额 50,000.00 元')
    expect(tileValue(w, 'assessment')).toBe('部门评价')
    expect(tileDetail(w, 'assessment')).toBe('3 个单位，已确认 1 个；平均分 86.50')
  })

  it('says the units shown are the first 100 of all, and lists each with yuan and points', async () => {
    vi.spyOn(dashboardsApi, 'overview').mockResolvedValue(OVERVIEW_SAMPLE)
    const { w } = await mountOverview()
    expect(w.find('[data-test=ov-units-note]').text()).toBe('显示前 2 个，共 130 个；下载可得全部')
    const first = w.find('[data-test=ov-units-table] tbody tr').text()
    expect(first).toContain('北京示范大学')
    expect(first).toContain('10,345.67')
    expect(first).toContain('91.25')
    expect(first).toContain('优秀')
    expect(w.find('[data-test=ov-unit-link]').attributes('href')).toBe('/overview?org_id=11')
  })

  it('drills down into the district whose bar is clicked, keeping the other filters', async () => {
    const overview = vi.spyOn(dashboardsApi, 'overview').mockResolvedValue(OVERVIEW_SAMPLE)
    const { w, router } = await mountOverview('/overview?year=2026&department=edu')
    expect(overview).toHaveBeenLastCalledWith({ year: '2026', district: '', department: 'edu', org_id: '' }, expect.anything())
    const districtBars = w.findAllComponents(RankedBars).find((c) => c.props('test') === 'ov-district')!
    expect(districtBars.props('drillable')).toBe(true)
    districtBars.vm.$emit('pick', '110108')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ year: '2026', department: 'edu', district: '110108' })
    expect(overview).toHaveBeenLastCalledWith({ year: '2026', district: '110108', department: 'edu', org_id: '' }, expect.anything())
  })

  it('lists each chart in its text alternative', async () => {
    vi.spyOn(dashboardsApi, 'overview').mockResolvedValue(OVERVIEW_SAMPLE)
    const { w } = await mountOverview()
    const rows = (test: string) => w.findAll(`[data-test=${test}-table] tbody tr`).map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(rows('ov-district')).toEqual([
      ['海淀区', '10'],
      ['朝阳区', '4'],
    ])
    expect(rows('ov-months')[4]).toEqual(['5月', '0', '0', '0', '7', '12,345.67'])
    expect(rows('ov-kinds')[0]).toEqual(['仪器设施', '12', '3', '5'])
    expect(rows('ov-industry')).toEqual([['新一代信息技术', '6']])
  })

  it('shows the scope as breadcrumbs leading back up, and downloads of the same scope', async () => {
    vi.spyOn(dashboardsApi, 'overview').mockResolvedValue({
      ...OVERVIEW_SAMPLE,
      scope: { district: { code: '110108', name: '海淀区', name_en: '' }, department: null, org: null },
      by_district: [],
    })
    const { w } = await mountOverview('/overview?year=2026&district=110108')
    expect(w.find('[data-test=ov-crumbs]').text()).toBe('全市海淀区')
    expect(w.find('[data-test=ov-crumb-city]').attributes('href')).toBe('/overview?year=2026')
    expect(w.find('[data-test=ov-crumb-district]').attributes('aria-current')).toBe('page')
    // The district fixed, its breakdown is gone.
    expect(w.find('[data-test=ov-district]').exists()).toBe(false)
    expect(w.find('[data-test=ov-download-xlsx]').attributes('href')).toBe('/api/v1/dashboards/overview?year=2026&district=110108&format=xlsx')
    expect(w.find('[data-test=ov-download-csv-units]').attributes('href')).toBe(
      '/api/v1/dashboards/overview?year=2026&district=110108&format=csv&figure=units',
    )
  })

  it("shows a district officer its district with no district selector", async () => {
    signIn(['district_officer'], { district_code: '110108' })
    vi.spyOn(dashboardsApi, 'overview').mockResolvedValue({
      ...OVERVIEW_SAMPLE,
      scope: { district: { code: '110108', name: '海淀区', name_en: '' }, department: null, org: null },
      by_district: [],
    })
    const { w } = await mountOverview()
    expect(w.find('[data-test=ov-filter-district]').exists()).toBe(false)
    expect(w.find('[data-test=ov-filter-department]').exists()).toBe(true)
    expect(w.find('[data-test=ov-crumbs]').text()).toBe('海淀区')
    // Nor a breakdown by district: it would be one bar.
    expect(w.find('[data-test=ov-district]').exists()).toBe(false)
  })

  it('tells an account without the grant that it may not look, without asking the server', async () => {
    signIn(['unit_admin'], { org_id: '11' })
    const overview = vi.spyOn(dashboardsApi, 'overview')
    const { w } = await mountOverview()
    expect(w.find('[data-test=ov-forbidden]').text()).toContain('无权查看该范围')
    expect(overview).not.toHaveBeenCalled()
  })

  it("says a scope outside the account's is not for it, and offers the way back", async () => {
    signIn(['district_officer'], { district_code: '110108' })
    vi.spyOn(dashboardsApi, 'overview').mockRejectedValue(new ApiError(403, 'forbidden', 'Forbidden'))
    const { w } = await mountOverview('/overview?district=110105')
    expect(w.find('[data-test=ov-error]').text()).toContain('无权查看该范围')
    expect(w.find('[data-test=ov-back-to-own]').exists()).toBe(true)
  })

  it('lists the messages of each bad filter', async () => {
    vi.spyOn(dashboardsApi, 'overview').mockRejectedValue(
      new ApiError(422, 'validation', '参数有误', [{ field: 'year', message: '年份应为 2000 至 2100 之间的整数' }]),
    )
    const { w } = await mountOverview('/overview?year=1900')
    expect(w.find('[data-test=ov-error]').text()).toContain('统计条件有误')
    expect(w.find('[data-test=ov-error]').text()).toContain('年份应为 2000 至 2100 之间的整数')
  })

  it('speaks English when asked', async () => {
    setLocale('en')
    vi.spyOn(dashboardsApi, 'overview').mockResolvedValue(OVERVIEW_SAMPLE)
    const { w } = await mountOverview()
    expect(w.find('#ov-title').text()).toBe('City overview')
    expect(w.find('[data-test=ov-units-note]').text()).toBe('Showing the first 2 of 130; the download has them all')
  })
})

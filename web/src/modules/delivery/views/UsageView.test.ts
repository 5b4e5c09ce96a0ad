import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { usageApi } from '@/modules/delivery/api'
import { session } from '@/shared/session'
import type { UsageFigures, UsageReport, UsageRow } from '@/modules/delivery/types'
import UsageView from './UsageView.vue'

afterEach(() => {
  vi.restoreAllMocks()
  session.user = null
})

const figures = (over: Partial<UsageFigures> = {}): UsageFigures => ({
  bookings: 0,
  booked_minutes: 0,
  booked_hours: 0,
  deliveries: 0,
  used_minutes: 0,
  used_hours: 0,
  samples: 0,
  internal_deliveries: 0,
  external_deliveries: 0,
  internal_minutes: 0,
  external_minutes: 0,
  fee_fen: 0,
  voucher_fen: 0,
  hitech_deliveries: 0,
  hitech_minutes: 0,
  hitech_fee_fen: 0,
  hitech_share: null,
  ...over,
})

const row = (key: string | null, name: string | null, over: Partial<UsageRow> = {}): UsageRow => ({
  key,
  name,
  ...figures(),
  ...over,
})

function report(group: UsageReport['group'], items: UsageRow[], totals: Partial<UsageFigures>): UsageReport {
  return { group, from: '2025-01', to: '2025-03', side: 'provider', org_id: '1', resource_kind: null, items, totals: figures(totals) }
}

const byMonth = report(
  'month',
  [
    row('2025-01', '2025-01', { bookings: 2, booked_minutes: 210, fee_fen: 45000, hitech_share: 1 }),
    row('2025-02', '2025-02', { used_minutes: 120 }),
  ],
  { bookings: 2, booked_minutes: 210, used_minutes: 120, fee_fen: 45000, deliveries: 2, hitech_deliveries: 1, hitech_share: 0.5 },
)

const mountView = () =>
  mount(UsageView, { global: { stubs: { UsageChart: { props: ['months'], template: '<div data-test="chart">{{ months.length }}</div>' } } } })

describe('UsageView', () => {
  it('shows the rows and the totals, the chart by month, and download links for the same query', async () => {
    const get = vi.spyOn(usageApi, 'get').mockResolvedValue(byMonth)
    const w = mountView()
    await flushPromises()
    expect(get).toHaveBeenCalledTimes(1) // by month: the table's request feeds the chart as well
    expect(w.findAll('[data-test=usage-row]').map((r) => r.text())).toEqual(['2025-01', '2025-02'])
    expect(w.find('[data-test=usage-totals]').text()).toBe('合计')
    expect(w.findAll('[data-test=usage-fee]').map((r) => r.text())).toEqual(['450.00', '0.00', '450.00'])
    expect(w.text()).toContain('3.50') // 210 minutes booked
    expect(w.text()).toContain('50.0%')
    expect(w.find('[data-test=chart]').text()).toBe('2')
    const { from, to } = get.mock.calls[0][0]
    expect(w.find('[data-test=usage-csv]').attributes('href')).toBe(`/api/v1/usage?group=month&from=${from}&to=${to}&format=csv`)
    expect(w.find('[data-test=usage-xlsx]').attributes('href')).toContain('format=xlsx')
  })

  it('asks for the chosen group and for the months of the chart', async () => {
    const byClient = report('client', [row(null, null, { fee_fen: 20000 }), row('7', '朝阳医学研究所', { fee_fen: 100 })], { fee_fen: 20100 })
    const get = vi.spyOn(usageApi, 'get').mockImplementation(async (q) => (q.group === 'month' ? byMonth : byClient))
    const w = mountView()
    await flushPromises()
    ;(w.vm as unknown as { group: string }).group = 'client'
    await w.find('[data-test=usage-load]').trigger('click')
    await flushPromises()
    expect(get.mock.calls.map((c) => c[0].group)).toEqual(['month', 'client', 'month'])
    expect(w.findAll('[data-test=usage-row]').map((r) => r.text())).toEqual(['（个人用户）', '朝阳医学研究所'])
    expect(w.find('[data-test=usage-csv]').attributes('href')).toContain('group=client')
  })

  it('shows the error of a refused request', async () => {
    vi.spyOn(usageApi, 'get').mockRejectedValue(new Error('统计区间不超过 36 个月'))
    const w = mountView()
    await flushPromises()
    expect(w.text()).toContain('统计区间不超过 36 个月')
  })

  it('lets an operator choose one unit, then as its provider or its client', async () => {
    session.user = { id: '1', username: 'op', display_name: 'op', roles: ['operator'] } as unknown as typeof session.user
    const get = vi.spyOn(usageApi, 'get').mockResolvedValue(byMonth)
    const w = mountView()
    await flushPromises()
    expect(w.find('[data-test=usage-org]').exists()).toBe(true)
    expect(w.find('[data-test=usage-side]').exists()).toBe(false) // all units: no side to choose
    expect(get.mock.calls[0][0].org_id).toBeUndefined()
    const vm = w.vm as unknown as { orgId: string; side: string }
    vm.orgId = '42'
    vm.side = 'client'
    await flushPromises()
    expect(w.find('[data-test=usage-side]').exists()).toBe(true)
    await w.find('[data-test=usage-load]').trigger('click')
    await flushPromises()
    expect(get.mock.calls[1][0]).toMatchObject({ org_id: '42', side: 'client' })
    expect(w.find('[data-test=usage-csv]').attributes('href')).toContain('org_id=42')
  })
})

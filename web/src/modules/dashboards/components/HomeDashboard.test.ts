import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/shared/api'
import { setLocale } from '@/shared/i18n'
import { dashboardsApi } from '@/modules/dashboards/api'
import { EMPTY, SAMPLE } from '@/modules/dashboards/sample'
import HomeDashboard from './HomeDashboard.vue'

// No canvas in jsdom: the charts draw nothing here, their text alternatives are what is tested.
vi.mock('@/shared/composables/useChart', () => ({ useChart: vi.fn() }))
// The map cannot be fetched here: the districts fall back to bars.
vi.mock('@/modules/tech-contracts/geo', () => ({ loadMap: vi.fn().mockRejectedValue(new Error('no map')) }))

afterEach(() => {
  vi.restoreAllMocks()
  setLocale('zh')
})

async function mountDashboard() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] })
  await router.push('/')
  const w = mount(HomeDashboard, { global: { plugins: [router], stubs: { transition: false } } })
  // The charts are loaded on demand: wait for their imports, then for their render.
  await vi.dynamicImportSettled()
  await flushPromises()
  await vi.dynamicImportSettled()
  await flushPromises()
  return w
}

const tile = (w: ReturnType<typeof mount>, kind: string) => w.find(`[data-test=dash-tile-${kind}]`)

describe('HomeDashboard', () => {
  it('shows a tile per kind with its count and its list, and the deliveries of the year', async () => {
    vi.spyOn(dashboardsApi, 'home').mockResolvedValue(SAMPLE)
    const w = await mountDashboard()
    expect(tile(w, 'instrument').text()).toContain('12')
    expect(tile(w, 'instrument').text()).toContain('仪器设施')
    expect(tile(w, 'instrument').attributes('href')).toBe('/?type=instrument')
    // On the home page a tile to '/?type=…' is not the current page.
    expect(tile(w, 'instrument').attributes('aria-current')).toBeUndefined()
    expect(tile(w, 'achievement').text()).toContain('1,234')
    expect(tile(w, 'tech_demand').attributes('href')).toBe('/tech-demands')
    // A kind with no list is a tile without a link.
    expect(tile(w, 'gizmo').element.tagName).toBe('DIV')
    expect(tile(w, 'deliveries').text()).toContain('37')
    expect(tile(w, 'deliveries').text()).toContain('2026 年已交付服务')
    expect(w.find('[data-test=dash-empty]').exists()).toBe(false)
    const newest = w.findAll('[data-test=dash-newest-item] a')
    expect(newest.map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['场发射扫描电子显微镜', '/instruments/42'],
      ['材料表征实验室', `/?q=${encodeURIComponent('材料表征实验室')}&type=lab`],
    ])
  })

  it("lists each chart's figures in its text alternative, largest first", async () => {
    vi.spyOn(dashboardsApi, 'home').mockResolvedValue(SAMPLE)
    const w = await mountDashboard()
    const rows = (test: string) =>
      w.findAll(`[data-test=${test}-table] tbody tr`).map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(w.find('[data-test=dash-industry-table] caption').text()).toBe('按高技术产业分布')
    expect(rows('dash-industry')).toEqual([
      ['生物医药', '9'],
      ['新一代信息技术', '5'],
    ])
    expect(rows('dash-district')).toEqual([
      ['海淀区', '9'],
      ['朝阳区', '4'],
    ])
    // The canvases themselves are hidden from screen readers: the tables say it all.
    expect(w.find('[data-test=dash-industry-bars]').attributes('aria-hidden')).toBe('true')
    expect(w.find('[data-test=dash-district-bars]').exists()).toBe(true)
  })

  it('says so on a fresh platform instead of drawing empty charts, the tiles at 0', async () => {
    vi.spyOn(dashboardsApi, 'home').mockResolvedValue(EMPTY)
    const w = await mountDashboard()
    expect(w.find('[data-test=dash-empty]').text()).toContain('平台刚刚起步')
    expect(tile(w, 'instrument').text()).toContain('0')
    expect(w.find('[data-test=dash-industry-bars]').exists()).toBe(false)
    expect(w.find('[data-test=dash-newest]').exists()).toBe(false)
  })

  it('speaks English when asked', async () => {
    setLocale('en')
    vi.spyOn(dashboardsApi, 'home').mockResolvedValue(SAMPLE)
    const w = await mountDashboard()
    expect(w.find('#dash-title').text()).toBe('The platform at a glance')
    expect(tile(w, 'deliveries').text()).toContain('Services delivered in 2026')
    expect(w.find('[data-test=dash-district-table] tbody').text()).toContain('Haidian')
  })

  it('shows a failure as a note, the rest of the page unaffected', async () => {
    vi.spyOn(dashboardsApi, 'home').mockRejectedValue(new ApiError(503, 'unavailable', '服务暂不可用'))
    const w = await mountDashboard()
    expect(w.find('[data-test=dash-error]').text()).toContain('服务暂不可用')
    expect(w.find('[data-test=dash-tiles]').exists()).toBe(false)
  })
})

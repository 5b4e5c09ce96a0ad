import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ordersApi } from '@/modules/orders/api'
import type { Order } from '@/modules/orders/types'
import OrderTable from './OrderTable.vue'

afterEach(() => vi.restoreAllMocks())

const order = (over: Partial<Order>): Order => ({
  id: '1',
  service_id: '9',
  service_name: '材料成分检测',
  org_id: '1',
  org_name: '北京示范大学',
  client_org_id: '2',
  client_org_name: '北京示范科技有限公司',
  user_id: '5',
  status: 'requested',
  version: 1,
  requirements: '三份合金样品',
  samples: 3,
  sample_description: '',
  quote_fen: null,
  quote_days: null,
  quote_note: '',
  reason: '',
  created_at: '2026-12-01T02:00:00Z',
  updated_at: '2026-12-01T02:00:00Z',
  allowed_actions: [],
  attachments: [],
  delivery: null,
  rating: null,
  ...over,
})

function mountTable(rows: Order[], view: 'mine' | 'provider') {
  return mount(OrderTable, { props: { rows, view, empty: '—' }, global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } } })
}
const buttons = (w: ReturnType<typeof mountTable>, id: string) =>
  w.findAll(`[data-test=order-actions-${id}] button`).map((b) => b.attributes('data-test'))

describe('OrderTable', () => {
  it("gives the provider the steps the row's allowed_actions list: quoting and completing through their dialogs", async () => {
    const get = vi.spyOn(ordersApi, 'get')
    const w = mountTable(
      [
        order({ id: '1', allowed_actions: ['quote', 'reject'] }),
        order({ id: '2', status: 'confirmed', quote_fen: 120050, quote_days: 5, allowed_actions: ['start', 'provider_cancel'] }),
        order({ id: '3', status: 'in_service', allowed_actions: ['complete', 'provider_cancel'] }),
        order({ id: '4', status: 'rejected', reason: '不在检测范围内' }),
      ],
      'provider',
    )
    await flushPromises()
    expect(buttons(w, '1')).toEqual(['act-quote', 'act-reject', 'act-details'])
    expect(buttons(w, '2')).toEqual(['act-start', 'act-provider_cancel', 'act-details'])
    expect(buttons(w, '3')).toEqual(['act-provider_cancel', 'act-delivery', 'act-details'])
    expect(buttons(w, '4')).toEqual(['act-details'])
    expect(w.text()).toContain('1,200.50 元 · 5 个工作日')
    expect(w.text()).toContain('北京示范科技有限公司') // the provider sees who ordered
    expect(w.text()).toContain('不在检测范围内')
    expect(get).not.toHaveBeenCalled() // list items carry everything: no request per row
  })

  it('offers the client to accept or cancel a quote, and to rate a completed order once', async () => {
    const w = mountTable(
      [
        order({ id: '5', status: 'quoted', quote_fen: 100, quote_days: 1, allowed_actions: ['confirm', 'cancel'] }),
        order({ id: '6', status: 'completed' }),
        order({ id: '7', status: 'completed', rating: { id: 'r1', score: 4, comment: '好', reply: null } }),
      ],
      'mine',
    )
    await flushPromises()
    expect(buttons(w, '5')).toEqual(['act-confirm', 'act-cancel', 'act-details'])
    expect(buttons(w, '6')).toEqual(['act-rate', 'act-details'])
    expect(buttons(w, '7')).toEqual(['act-details'])
    expect(w.text()).toContain('北京示范大学') // the client sees who serves
    expect(w.text()).toContain('评价：4 星')
  })

  it('sends a step with the reason asked for; the list reloads', async () => {
    const act = vi.spyOn(ordersApi, 'act').mockResolvedValue(order({ status: 'confirmed' }))
    const w = mountTable([order({ id: '5', status: 'quoted', allowed_actions: ['confirm'] })], 'mine')
    await flushPromises()
    await w.find('[data-test=act-confirm]').trigger('click')
    await flushPromises()
    expect(act).toHaveBeenCalledWith('5', 'confirm', undefined)
    expect(w.emitted('changed')).toHaveLength(1)
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { bookingsApi } from '@/modules/bookings/api'
import type { Booking } from '@/modules/bookings/types'
import BookingTable from './BookingTable.vue'

afterEach(() => vi.restoreAllMocks())

const booking = (over: Partial<Booking>): Booking => ({
  id: '1',
  instrument_id: '7',
  instrument_name: '激光共聚焦显微镜',
  org_id: '1',
  client_org_id: '2',
  user_id: '5',
  booked_by: '5',
  series_id: null,
  status: 'requested',
  version: 1,
  starts_at: '2026-12-30T01:30:00Z',
  ends_at: '2026-12-30T03:30:00Z',
  minutes: 120,
  purpose: '成像',
  samples: 3,
  reason: '',
  created_at: '',
  updated_at: '',
  allowed_actions: [],
  ...over,
})

function mountTable(rows: Booking[], view: 'mine' | 'provider') {
  return mount(BookingTable, { props: { rows, view, empty: '—' }, global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } } })
}
const buttons = (w: ReturnType<typeof mountTable>, id: string) =>
  w.findAll(`[data-test=actions-${id}] button`).map((b) => b.attributes('data-test'))

describe('BookingTable', () => {
  it("shows only the steps the row's allowed_actions list; completing is recording the delivery", async () => {
    const get = vi.spyOn(bookingsApi, 'get')
    const w = mountTable(
      [
        booking({ id: '1', allowed_actions: ['approve', 'reject', 'provider_cancel'] }),
        booking({ id: '2', status: 'approved', allowed_actions: ['provider_cancel', 'complete'] }),
        booking({ id: '3', status: 'rejected', allowed_actions: [] }),
      ],
      'provider',
    )
    await flushPromises()
    expect(buttons(w, '1')).toEqual(['act-approve', 'act-reject', 'act-provider_cancel'])
    expect(buttons(w, '2')).toEqual(['act-provider_cancel', 'act-delivery'])
    expect(buttons(w, '3')).toEqual([])
    expect(w.text()).toContain('2026-12-30 09:30–11:30')
    expect(get).not.toHaveBeenCalled() // list items carry everything: no request per row
  })

  it('offers the client to reschedule while it may cancel, and to rate a completed booking once', async () => {
    const w = mountTable(
      [
        booking({ id: '4', status: 'approved', allowed_actions: ['cancel'], rating: null }),
        booking({ id: '5', status: 'completed', rating: null }),
        booking({ id: '6', status: 'completed', rating: { id: 'r1', score: 4, comment: '好', reply: null } }),
      ],
      'mine',
    )
    await flushPromises()
    expect(buttons(w, '4')).toEqual(['act-cancel', 'act-reschedule'])
    expect(buttons(w, '5')).toEqual(['act-rate'])
    expect(buttons(w, '6')).toEqual([])
    expect(w.text()).toContain('评价：4 星')
  })

  it('offers the lab a reply to a rating not yet answered', async () => {
    const rated = (id: string, reply: string | null) =>
      booking({ id, status: 'completed', rating: { id: 'r' + id, score: 2, comment: '慢', reply } })
    const w = mountTable([rated('7', null), rated('8', '抱歉')], 'provider')
    await flushPromises()
    expect(buttons(w, '7')).toEqual(['act-reply'])
    expect(buttons(w, '8')).toEqual([])
  })

  it('shows the provider who is served, their organisation and who booked for them', async () => {
    const rows = [
      booking({ id: '1', user_name: '王工', user_org_name: '北京天凯环保', booked_by: '5', booked_by_name: '王工' }),
      booking({ id: '2', user_id: '6', user_name: '李工', user_org_name: '北京天凯环保', booked_by: '5', booked_by_name: '王工' }),
    ]
    const desk = mountTable(rows, 'provider')
    await flushPromises()
    expect(desk.findAll('[data-test=booking-client]').map((c) => c.text())).toEqual([
      '王工 · 北京天凯环保',
      '李工 · 北京天凯环保 （王工 代约）',
    ])
    const mine = mountTable(rows, 'mine')
    await flushPromises()
    expect(mine.find('[data-test=booking-client]').exists()).toBe(false)
  })
})

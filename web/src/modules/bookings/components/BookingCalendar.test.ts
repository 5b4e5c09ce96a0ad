import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { bookingRulesApi } from '@/modules/bookings/api'
import type { Availability, Slot } from '@/modules/bookings/types'
import type { Selection } from '@/modules/bookings/selection'
import BookingCalendar from './BookingCalendar.vue'
import WeekGrid from './WeekGrid.vue'

afterEach(() => vi.restoreAllMocks())

// Beijing 09:00, 09:30, 10:00, 10:30 on Wednesday 2026-12-30 are 01:00 … 02:30 UTC.
const slot = (hhmm: string, state: Slot['state'], date = '2026-12-30'): Slot => {
  const [h, m] = hhmm.split(':').map(Number)
  const start = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), h - 8, m)
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')
  return { starts_at: iso(start), ends_at: iso(start + 30 * 60000), state }
}
const days = [
  { date: '2026-12-29', bookable: true, slots: [slot('09:00', 'past', '2026-12-29'), slot('09:30', 'past', '2026-12-29')] },
  { date: '2026-12-30', bookable: true, slots: [slot('09:00', 'free'), slot('09:30', 'free'), slot('10:00', 'taken'), slot('10:30', 'free')] },
  { date: '2026-12-31', bookable: false, slots: [] },
]

/** The grid as a page uses it: v-model:selection kept in a variable. */
function mountGrid(selectable = true) {
  let selection: Selection = []
  const wrapper = mount(WeekGrid, {
    props: {
      days,
      selection,
      selectable,
      'onUpdate:selection': async (s: Selection) => {
        selection = s
        await wrapper.setProps({ selection: s })
      },
    },
  })
  return { wrapper, selection: () => selection }
}
const cell = (w: ReturnType<typeof mount>, date: string, time: string) => w.find(`[data-test="slot-${date}-${time}"]`)

describe('WeekGrid', () => {
  it('shows each slot in Beijing time with its state; closed days have none', () => {
    const { wrapper } = mountGrid()
    expect(cell(wrapper, '2026-12-30', '09:00').attributes('data-state')).toBe('free')
    expect(cell(wrapper, '2026-12-30', '10:00').attributes('data-state')).toBe('taken')
    expect(cell(wrapper, '2026-12-29', '09:30').attributes('data-state')).toBe('past')
    expect(cell(wrapper, '2026-12-31', '09:00').exists()).toBe(false)
    expect(wrapper.findAll('tbody tr').map((r) => r.find('th').text())).toEqual(['09:00', '09:30', '10:00', '10:30'])
  })

  it('chooses consecutive free slots, shrinks from an end, and restarts elsewhere', async () => {
    const { wrapper, selection } = mountGrid()
    await cell(wrapper, '2026-12-30', '09:00').trigger('click')
    await cell(wrapper, '2026-12-30', '09:30').trigger('click')
    expect(selection().map((s) => s.starts_at)).toEqual(['2026-12-30T01:00:00Z', '2026-12-30T01:30:00Z'])
    expect(cell(wrapper, '2026-12-30', '09:30').classes()).toContain('selected')
    await cell(wrapper, '2026-12-30', '10:00').trigger('click') // taken: nothing changes
    expect(selection()).toHaveLength(2)
    await cell(wrapper, '2026-12-30', '09:00').trigger('click') // an end: shrink
    expect(selection().map((s) => s.starts_at)).toEqual(['2026-12-30T01:30:00Z'])
    await cell(wrapper, '2026-12-30', '10:30').trigger('click') // not next to it: a new run
    expect(selection().map((s) => s.starts_at)).toEqual(['2026-12-30T02:30:00Z'])
    await cell(wrapper, '2026-12-29', '09:00').trigger('click') // past
    expect(selection()).toHaveLength(1)
  })

  it('lets nothing be chosen when not selectable (a visitor)', async () => {
    const { wrapper, selection } = mountGrid(false)
    await cell(wrapper, '2026-12-30', '09:00').trigger('click')
    expect(selection()).toEqual([])
    expect(wrapper.find('.clickable').exists()).toBe(false)
  })
})

describe('BookingCalendar', () => {
  it('asks for the week holding its start, Monday to Sunday, and pages by weeks and months', async () => {
    const answer: Availability = { bookable: true, slot_minutes: 30, days }
    const asked = vi.spyOn(bookingRulesApi, 'availability').mockResolvedValue(answer)
    const wrapper = mount(BookingCalendar, { props: { instrumentId: '7', start: '2026-12-30' } })
    await flushPromises()
    expect(asked).toHaveBeenLastCalledWith('7', '2026-12-28', '2027-01-03')
    expect(wrapper.find('[data-test=week-grid]').exists()).toBe(true)
    await wrapper.find('[data-test=cal-next]').trigger('click')
    await flushPromises()
    expect(asked).toHaveBeenLastCalledWith('7', '2027-01-04', '2027-01-10')
    await wrapper.find('[data-test=view-month] input').setValue(true)
    await flushPromises()
    expect(asked).toHaveBeenLastCalledWith('7', '2027-01-01', '2027-01-31')
    expect(wrapper.find('[data-test=month-grid]').exists()).toBe(true)
    await wrapper.find('[data-test=cal-prev]').trigger('click')
    await flushPromises()
    expect(asked).toHaveBeenLastCalledWith('7', '2026-12-01', '2026-12-31')
    expect(wrapper.find('[data-test="month-2026-12-30"]').text()).toContain('3')
  })

  it('says so when the instrument takes no bookings', async () => {
    vi.spyOn(bookingRulesApi, 'availability').mockResolvedValue({ bookable: false, days: [] })
    const wrapper = mount(BookingCalendar, { props: { instrumentId: '7', start: '2026-12-30' } })
    await flushPromises()
    expect(wrapper.find('[data-test=not-bookable]').exists()).toBe(true)
  })
})

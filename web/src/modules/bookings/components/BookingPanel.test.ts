import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ApiError } from '@/shared/api'
import { session } from '@/shared/session'
import type { User } from '@/shared/types'
import { bookingRulesApi, bookingsApi } from '@/modules/bookings/api'
import type { Availability } from '@/modules/bookings/types'
import BookingPanel from './BookingPanel.vue'

vi.mock('vue-router', () => ({ useRoute: () => ({ fullPath: '/instruments/7' }), useRouter: () => ({ push: vi.fn() }) }))
afterEach(() => {
  vi.restoreAllMocks()
  session.user = null
})

// Beijing 09:00 and 10:00 on 2026-12-30 (hour-long slots), both free.
const availability: Availability = {
  bookable: true,
  slot_minutes: 60,
  days: [
    {
      date: '2026-12-30',
      bookable: true,
      slots: [
        { starts_at: '2026-12-30T01:00:00Z', ends_at: '2026-12-30T02:00:00Z', state: 'free' },
        { starts_at: '2026-12-30T02:00:00Z', ends_at: '2026-12-30T03:00:00Z', state: 'free' },
      ],
    },
  ],
}

async function mountPanel(loggedIn: boolean, orgId: string | null = null) {
  session.user = loggedIn ? ({ id: '5', username: 'company1', roles: ['enterprise'], org_id: orgId } as unknown as User) : null
  vi.spyOn(bookingRulesApi, 'availability').mockResolvedValue(availability)
  vi.spyOn(bookingRulesApi, 'get').mockResolvedValue({ bookable: true, external_fen_per_hour: 20000 } as never)
  vi.spyOn(bookingsApi, 'ratingsOf').mockResolvedValue({ items: [], total: 0, page: 1, page_size: 5, count: 0, average: null })
  const wrapper = mount(BookingPanel, { props: { instrumentId: '7' } })
  await flushPromises()
  return wrapper
}
async function chooseTwoHours(wrapper: Awaited<ReturnType<typeof mountPanel>>) {
  await wrapper.find('[data-test="slot-2026-12-30-09:00"]').trigger('click')
  await wrapper.find('[data-test="slot-2026-12-30-10:00"]').trigger('click')
}

describe('BookingPanel', () => {
  it('asks a visitor to log in and lets no slot be chosen', async () => {
    const wrapper = await mountPanel(false)
    expect(wrapper.find('[data-test=login-to-book]').exists()).toBe(true)
    await chooseTwoHours(wrapper)
    expect(wrapper.find('[data-test=booking-chosen]').exists()).toBe(false)
  })

  it('sends the chosen span and shows the rule the server names', async () => {
    const wrapper = await mountPanel(true)
    expect(wrapper.find('[data-test=booking-prices]').text()).toContain('200.00')
    await chooseTwoHours(wrapper)
    expect(wrapper.find('[data-test=booking-chosen]').text()).toContain('2026-12-30 09:00–11:00（120 分钟）')
    const create = vi
      .spyOn(bookingsApi, 'create')
      .mockRejectedValue(new ApiError(422, 'validation_failed', '输入有误', [{ field: 'starts_at', message: '须提前 120 分钟预约' }]))
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ instrument_id: '7', starts_at: '2026-12-30T01:00:00Z', ends_at: '2026-12-30T03:00:00Z' }),
    )
    expect(wrapper.find('[data-test=booking-rule]').text()).toBe('须提前 120 分钟预约')
  })

  it('books a weekly series and lists the dates the server skipped, with why', async () => {
    const wrapper = await mountPanel(true)
    await chooseTwoHours(wrapper)
    await wrapper.find('[data-test=booking-repeat] input').setValue(true)
    const create = vi.spyOn(bookingsApi, 'create').mockResolvedValue({
      items: [],
      skipped: [{ starts_at: '2027-01-06T01:00:00Z', ends_at: '2027-01-06T03:00:00Z', rule: 'taken', message: '该时段已被预约' }],
    })
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(create.mock.calls[0][0].repeat_weeks).toBe(3)
    expect(wrapper.find('[data-test=booking-skipped]').text()).toContain('2027-01-06 09:00–11:00：该时段已被预约')
  })

  it('books for a colleague chosen by name, only for someone of an organisation', async () => {
    expect((await mountPanel(true)).find('[data-test=booking-for-colleague]').exists()).toBe(false)
    const wrapper = await mountPanel(true, '3')
    await chooseTwoHours(wrapper)
    await wrapper.find('[data-test=booking-for-colleague] input').setValue(true)
    expect(wrapper.find('[data-test=booking-colleague]').exists()).toBe(true)
    const picker = wrapper.findComponent({ name: 'RemotePicker' })
    picker.vm.$emit('update:modelValue', '6')
    await flushPromises()
    const create = vi.spyOn(bookingsApi, 'create').mockResolvedValue({ id: '9' } as never)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(create.mock.calls[0][0]).toMatchObject({ instrument_id: '7', user_id: '6' })
  })
})

describe('RatingsList under the calendar', () => {
  it('shows the average, the latest ratings and the lab’s replies', async () => {
    session.user = null
    vi.spyOn(bookingRulesApi, 'availability').mockResolvedValue(availability)
    vi.spyOn(bookingRulesApi, 'get').mockResolvedValue({ bookable: true } as never)
    vi.spyOn(bookingsApi, 'ratingsOf').mockResolvedValue({
      items: [{ id: 'r1', score: 4, comment: '成像清晰', reply: '谢谢', rated_at: '2026-12-31T02:00:00Z' }],
      total: 2,
      page: 1,
      page_size: 5,
      count: 2,
      average: 4.5,
    })
    const wrapper = mount(BookingPanel, { props: { instrumentId: '7' } })
    await flushPromises()
    const text = wrapper.find('[data-test=ratings]').text()
    expect(text).toContain('用户评价 4.5 分（2 条）')
    expect(text).toContain('成像清晰')
    expect(text).toContain('实验室回复：谢谢')
  })
})

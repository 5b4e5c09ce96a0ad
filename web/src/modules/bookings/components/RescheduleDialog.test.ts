import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ElDatePicker } from 'element-plus'
import { ApiError } from '@/shared/api'
import { bookingsApi } from '@/modules/bookings/api'
import type { Booking } from '@/modules/bookings/types'
import RescheduleDialog from './RescheduleDialog.vue'

afterEach(() => vi.restoreAllMocks())

const booked = {
  id: '3',
  version: 2,
  starts_at: '2026-12-30T01:30:00Z',
  ends_at: '2026-12-30T03:30:00Z',
} as Booking

async function openDialog() {
  const wrapper = mount(RescheduleDialog, { props: { booking: null }, attachTo: document.body })
  await wrapper.setProps({ booking: booked })
  await flushPromises()
  return wrapper
}

describe('RescheduleDialog', () => {
  it('moves the booking to the chosen day at the same time, with the version read', async () => {
    const patch = vi.spyOn(bookingsApi, 'reschedule').mockResolvedValue(booked)
    const wrapper = await openDialog()
    wrapper.findComponent(ElDatePicker).vm.$emit('update:modelValue', '2027-01-04')
    await flushPromises()
    expect(document.body.textContent).toContain('2027-01-04 09:30–11:30')
    ;(document.querySelector('[data-test=reschedule-save]') as HTMLButtonElement).click()
    await flushPromises()
    expect(patch).toHaveBeenCalledWith(booked, '2027-01-04T01:30:00Z', '2027-01-04T03:30:00Z')
    expect(wrapper.emitted('done')).toHaveLength(1)
    wrapper.unmount()
  })

  it("keeps the dialog open with the server's reason when the new time breaks a rule", async () => {
    vi.spyOn(bookingsApi, 'reschedule').mockRejectedValue(new ApiError(409, 'conflict', '该时段已被预约：2027-01-04 09:30–11:30'))
    const wrapper = await openDialog()
    ;(document.querySelector('[data-test=reschedule-save]') as HTMLButtonElement).click()
    await flushPromises()
    expect(document.body.textContent).toContain('该时段已被预约')
    expect(wrapper.emitted('done')).toBeUndefined()
    wrapper.unmount()
  })
})

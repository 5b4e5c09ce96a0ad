import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ApiError } from '@/shared/api'
import { bookingRulesApi } from '@/modules/bookings/api'
import type { BookingRules } from '@/modules/bookings/types'
import RulesForm from './RulesForm.vue'

afterEach(() => vi.restoreAllMocks())

const stored: BookingRules = {
  bookable: true,
  weekdays: '135',
  working_days_only: true,
  opens_at: '09:00',
  closes_at: '17:00',
  slot_minutes: 60,
  min_notice_minutes: 0,
  horizon_days: 30,
  cancel_before_minutes: 60,
  max_minutes_per_week: 0,
  approval_required: true,
  audience: 'enterprise',
  internal_fen_per_hour: 12050,
  external_fen_per_hour: null,
  internal_fen_per_sample: null,
  external_fen_per_sample: 3000,
  version: 4,
}

async function mountForm() {
  const wrapper = mount(RulesForm, { props: { instrumentId: '9' }, attachTo: document.body })
  await flushPromises()
  return wrapper
}
const input = (w: ReturnType<typeof mount>, test: string) => w.find(`[data-test=${test}] input`).element as HTMLInputElement

describe('RulesForm', () => {
  it('shows the stored rules, prices in 元, and saves them in fen with the version read', async () => {
    vi.spyOn(bookingRulesApi, 'get').mockResolvedValue(stored)
    const put = vi.spyOn(bookingRulesApi, 'put').mockResolvedValue({ ...stored, version: 5 })
    const wrapper = await mountForm()
    expect(input(wrapper, 'rules-internal_fen_per_hour').value).toBe('120.50')
    expect(input(wrapper, 'rules-slot_minutes').value).toBe('60')
    const checked = wrapper.findAll('[data-test=rules-weekdays] input').map((i) => (i.element as HTMLInputElement).checked)
    expect(checked).toEqual([true, false, true, false, true, false, false])
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const [id, body, version] = put.mock.calls[0]
    expect([id, version]).toEqual(['9', 4])
    expect(body).toMatchObject({
      weekdays: '135',
      opens_at: '09:00',
      slot_minutes: 60,
      audience: 'enterprise',
      internal_fen_per_hour: 12050,
      external_fen_per_hour: null,
      external_fen_per_sample: 3000,
    })
    expect(body).not.toHaveProperty('version')
    wrapper.unmount()
  })

  it('starts from a proposal without rules and sends no version', async () => {
    vi.spyOn(bookingRulesApi, 'get').mockResolvedValue({ bookable: false } as BookingRules)
    const put = vi.spyOn(bookingRulesApi, 'put').mockResolvedValue({ ...stored, version: 1 })
    const wrapper = await mountForm()
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(put.mock.calls[0][1]).toMatchObject({ weekdays: '12345', opens_at: '08:30', closes_at: '17:30' })
    expect(put.mock.calls[0][2]).toBeUndefined()
    wrapper.unmount()
  })

  it("shows the server's 422 messages at the fields they name", async () => {
    vi.spyOn(bookingRulesApi, 'get').mockResolvedValue(stored)
    vi.spyOn(bookingRulesApi, 'put').mockRejectedValue(
      new ApiError(422, 'validation_failed', '输入有误', [
        { field: 'closes_at', message: '结束时间须晚于开始时间' },
        { field: 'slot_minutes', message: '营业时长须为时段长度的整数倍' },
      ]),
    )
    const wrapper = await mountForm()
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 150)) // Element Plus debounces a shown error
    expect(wrapper.find('[data-field=closes_at] .el-form-item__error').text()).toBe('结束时间须晚于开始时间')
    expect(wrapper.find('[data-field=slot_minutes] .el-form-item__error').text()).toBe('营业时长须为时段长度的整数倍')
    expect(wrapper.text()).toContain('请按提示修改标红的字段')
    wrapper.unmount()
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { ElFormItem } from 'element-plus'
import { session } from '@/shared/session'
import type { User } from '@/shared/types'
import { programmesApi, vouchersApi } from '@/modules/vouchers/api'
import type { Programme, Voucher } from '@/modules/vouchers/types'
import VoucherPayment from './VoucherPayment.vue'

afterEach(() => {
  vi.restoreAllMocks()
  session.user = null
})

const voucher = { id: '3', number: 'KY2026000003', programme_id: '1', share_percent: 50, available_fen: 2_000_000 } as Voucher

/** The payment inside a parent holding its models, as the booking panel does. */
function mountWith(roles: string[], feeFen: number, capPerOrderFen = 5_000_000) {
  session.user = { id: '5', username: 'company1', roles, org_id: '9' } as unknown as User
  const list = vi.spyOn(vouchersApi, 'list').mockResolvedValue([voucher])
  vi.spyOn(programmesApi, 'get').mockResolvedValue({ id: '1', cap_per_order_fen: capPerOrderFen } as Programme)
  const id = ref('')
  const fen = ref<number | null>(null)
  const Parent = defineComponent(() => () =>
    h(VoucherPayment, {
      feeFen,
      errors: { voucher_fen: '超过费用的 50%' },
      voucherId: id.value,
      'onUpdate:voucherId': (v: string) => (id.value = v),
      voucherFen: fen.value,
      'onUpdate:voucherFen': (v: number | null) => (fen.value = v),
    }),
  )
  return { wrapper: mount(Parent), id, fen, list }
}

describe('VoucherPayment', () => {
  it('starts the amount at the share of the fee once a voucher is chosen', async () => {
    const { wrapper, id, fen } = mountWith(['enterprise'], 60000)
    await flushPromises()
    expect(id.value).toBe('')
    await wrapper.find('[data-test=use-voucher] input').setValue(true)
    await flushPromises()
    expect(id.value).toBe('3')
    expect(fen.value).toBe(30000)
    expect(wrapper.find('[data-test=voucher-max]').text()).toContain('300.00 元')
    // The server's message goes to the amount's form item (its text zooms in: the prop, not the text).
    const item = wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === 'voucher_fen')
    expect(item?.props('error')).toBe('超过费用的 50%')
  })

  it('keeps within the programme cap per order', async () => {
    const { wrapper, fen } = mountWith(['enterprise'], 60000, 10000)
    await flushPromises()
    await wrapper.find('[data-test=use-voucher] input').setValue(true)
    await flushPromises()
    expect(fen.value).toBe(10000)
  })

  it('shows nothing to someone who holds no vouchers', async () => {
    const { wrapper, list } = mountWith(['unit_admin'], 60000)
    await flushPromises()
    expect(wrapper.find('[data-test=voucher-payment]').exists()).toBe(false)
    expect(list).not.toHaveBeenCalled()
  })
})

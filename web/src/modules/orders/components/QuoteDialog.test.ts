import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { ElFormItem } from 'element-plus'
import { ApiError } from '@/shared/api'
import { ordersApi } from '@/modules/orders/api'
import type { Order } from '@/modules/orders/types'
import QuoteDialog from './QuoteDialog.vue'

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = '' // a closed dialog lingers otherwise (no animation frames in jsdom)
})

const requested = { id: '12', status: 'requested', service_name: '材料成分检测', client_org_name: '示范科技' } as Order

async function openDialog() {
  const wrapper = mount(QuoteDialog, { props: { order: null }, attachTo: document.body })
  await wrapper.setProps({ order: requested })
  await flushPromises()
  return wrapper
}

const last = <T extends Element>(selector: string) => [...document.querySelectorAll<T>(selector)].pop()

function type(testId: string, value: string) {
  const input = last<HTMLInputElement>(`[data-test=${testId}] input, input[data-test=${testId}], textarea[data-test=${testId}]`)!
  input.value = value
  input.dispatchEvent(new Event('input'))
}

async function save() {
  last<HTMLButtonElement>('[data-test=quote-save]')!.click()
  await flushPromises()
}

/** The message a form item shows (its `error`; the text itself hides behind a transition in jsdom). */
const fieldError = (w: VueWrapper, field: string) =>
  w.findAllComponents(ElFormItem).find((item) => item.attributes('data-field') === field)?.props('error') ?? ''

describe('QuoteDialog', () => {
  it('sends the price typed in 元 as fen, with the days and the note', async () => {
    const quote = vi.spyOn(ordersApi, 'quote').mockResolvedValue(requested)
    const wrapper = await openDialog()
    type('quote-price', '1,200.5')
    type('quote-note', ' 含报告 ')
    await save()
    expect(quote).toHaveBeenCalledWith('12', { quote_fen: 120050, quote_days: 5, note: '含报告' })
    expect(wrapper.emitted('done')).toHaveLength(1)
    wrapper.unmount()
  })

  it('names a price that is not an amount, or too high, at its field without sending', async () => {
    const quote = vi.spyOn(ordersApi, 'quote')
    const wrapper = await openDialog()
    type('quote-price', '12.345')
    await save()
    expect(fieldError(wrapper, 'quote_fen')).toBe('请输入金额（元），最多两位小数')
    type('quote-price', '100000000.01')
    await save()
    expect(fieldError(wrapper, 'quote_fen')).toBe('金额不能超过 1 亿元')
    expect(quote).not.toHaveBeenCalled()
    expect(wrapper.emitted('done')).toBeUndefined()
    wrapper.unmount()
  })

  it("shows the server's 422 answers at their fields and stays open", async () => {
    vi.spyOn(ordersApi, 'quote').mockRejectedValue(
      new ApiError(422, 'validation_failed', '输入有误', [{ field: 'quote_days', message: '须在 1 到 365 之间' }]),
    )
    const wrapper = await openDialog()
    type('quote-price', '10')
    await save()
    expect(fieldError(wrapper, 'quote_days')).toBe('须在 1 到 365 之间')
    expect(wrapper.emitted('done')).toBeUndefined()
    wrapper.unmount()
  })
})

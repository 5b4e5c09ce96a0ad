import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ElFormItem } from 'element-plus'
import { ApiError } from '@/shared/api'
import { checksApi } from '@/modules/purchase-checks/api'
import SettingsCard from './SettingsCard.vue'

afterEach(() => vi.restoreAllMocks())

const SETTINGS = { threshold_fen: 200_000_000, saturation_hours: 1200, version: 3, updated_at: '' }

describe('SettingsCard', () => {
  it('shows the threshold in 元 and saves it in fen with the version read', async () => {
    vi.spyOn(checksApi, 'settings').mockResolvedValue(SETTINGS)
    const save = vi.spyOn(checksApi, 'saveSettings').mockResolvedValue({ ...SETTINGS, threshold_fen: 100_000_000, version: 4 })
    const wrapper = mount(SettingsCard)
    await flushPromises()
    const input = wrapper.find('input[data-test=pc-settings-threshold]')
    expect((input.element as HTMLInputElement).value).toBe('2000000.00')
    await input.setValue('1,000,000')
    await wrapper.find('[data-test=pc-settings-save]').trigger('click')
    await flushPromises()
    expect(save).toHaveBeenCalledWith(3, { threshold_fen: 100_000_000, saturation_hours: 1200 })
  })

  it('refuses an amount that is not 元 before sending, and shows a stale copy refused', async () => {
    vi.spyOn(checksApi, 'settings').mockResolvedValue(SETTINGS)
    const save = vi.spyOn(checksApi, 'saveSettings').mockRejectedValue(new ApiError(409, 'conflict', '设置已被他人修改，请刷新后重试'))
    const wrapper = mount(SettingsCard)
    await flushPromises()
    await wrapper.find('input[data-test=pc-settings-threshold]').setValue('两百万')
    await wrapper.find('[data-test=pc-settings-save]').trigger('click')
    await flushPromises()
    expect(save).not.toHaveBeenCalled()
    expect(wrapper.findAllComponents(ElFormItem)[0].props('error')).toBe('请填写金额（元），最多两位小数')
    await wrapper.find('input[data-test=pc-settings-threshold]').setValue('2000000')
    await wrapper.find('[data-test=pc-settings-save]').trigger('click')
    await flushPromises()
    expect(save).toHaveBeenCalledTimes(1)
    expect(wrapper.text()).toContain('设置已被他人修改，请刷新后重试')
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ApiError } from '@/shared/api'
import { systemApi } from '@/modules/system/api'
import HealthTag from './HealthTag.vue'

afterEach(() => vi.restoreAllMocks())

const global = { stubs: { transition: false } }

describe('HealthTag', () => {
  it('shows a ready server with its database, and checks again on request', async () => {
    const ready = vi.spyOn(systemApi, 'ready').mockResolvedValue({ status: 'ok', version: '0.1.0', db: 'sqlite' })
    const w = mount(HealthTag, { global })
    await flushPromises()
    const tag = w.find('[data-test=health-tag]')
    expect(tag.attributes('data-health')).toBe('ok')
    expect(tag.text()).toBe('正常（sqlite）')
    await w.find('[data-test=health-refresh]').trigger('click')
    await flushPromises()
    expect(ready).toHaveBeenCalledTimes(2)
  })

  it("shows an unavailable server in red with the server's message", async () => {
    vi.spyOn(systemApi, 'ready').mockRejectedValue(new ApiError(503, 'unavailable', '数据库不可用'))
    const w = mount(HealthTag, { global })
    await flushPromises()
    const tag = w.find('[data-test=health-tag]')
    expect(tag.attributes('data-health')).toBe('down')
    expect(tag.classes()).toContain('el-tag--danger')
    expect(w.find('[data-test=health-problem]').text()).toBe('数据库不可用')
  })
})

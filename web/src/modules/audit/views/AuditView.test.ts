import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/shared/api'
import { auditApi } from '@/modules/audit/api'
import type { AuditEvent } from '@/modules/audit/types'
import AuditView from './AuditView.vue'

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = '' // a closed drawer lingers otherwise (no animation frames in jsdom)
})

const EVENT: AuditEvent = {
  id: '3',
  at: '2026-01-31T17:30:05Z',
  actor_user_id: '1',
  actor_username: 'aud1',
  actor_role: 'audit_admin',
  ip: '127.0.0.1',
  request_id: 'abc',
  event_type: 'user.created',
  object_type: 'user',
  object_id: '2',
  result: 'ok',
  before: null,
  after: '{"username":"sys1","roles":["system_admin"]}',
  detail: '',
  sealed: true,
}

async function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/audit', component: AuditView }] })
  await router.push('/audit')
  // Alerts without their transitions, so that their own element carries data-test; the drawer goes
  // to the document's body.
  const w = mount(AuditView, { global: { plugins: [router], stubs: { transition: false } }, attachTo: document.body })
  await flushPromises()
  return w
}

describe('AuditView', () => {
  it('lists the trail in Beijing time and opens a record with its JSON indented', async () => {
    const list = vi.spyOn(auditApi, 'list').mockResolvedValue({ items: [EVENT], total: 1, page: 1, page_size: 20 })
    const w = await mountView()
    expect(list).toHaveBeenCalledWith({}, 1, 20)
    const row = w.find('[data-test=audit-table] .el-table__body tr')
    expect(row.text()).toContain('2026-02-01 01:30:05')
    expect(row.text()).toContain('审计管理员')
    expect(row.text()).toContain('成功')
    await w.find('[data-test=audit-view-3]').trigger('click')
    await flushPromises()
    const inDrawer = (test: string) => document.querySelector(`[data-test=audit-drawer] [data-test=${test}]`)?.textContent?.trim()
    expect(inDrawer('audit-after')).toBe('{\n  "username": "sys1",\n  "roles": [\n    "system_admin"\n  ]\n}')
    expect(inDrawer('audit-before')).toBe('无')
    expect(inDrawer('audit-sealed')).toBe('已封入哈希链')
    w.unmount()
  })

  it('applies the filter to the list and to the export link', async () => {
    const list = vi.spyOn(auditApi, 'list').mockResolvedValue({ items: [], total: 0, page: 1, page_size: 20 })
    const w = await mountView()
    expect(w.find('[data-test=audit-export]').attributes('href')).toBe('/api/v1/audit-events/export')
    await w.find('[data-test=audit-username] input, input[data-test=audit-username]').setValue('aud1')
    await w.find('[data-test=audit-event-type] input, input[data-test=audit-event-type]').setValue('login.ok')
    // Typing alone changes nothing: the filter applies when the form is submitted (Enter or the button).
    expect(w.find('[data-test=audit-export]').attributes('href')).toBe('/api/v1/audit-events/export')
    await w.find('[data-test=audit-filters]').trigger('submit')
    await flushPromises()
    expect(list).toHaveBeenLastCalledWith({ username: 'aud1', event_type: 'login.ok' }, 1, 20)
    expect(w.find('[data-test=audit-export]').attributes('href')).toBe('/api/v1/audit-events/export?username=aud1&event_type=login.ok')
    expect(w.text()).toContain('没有符合条件的记录')
    w.unmount()
  })

  it('verifies the chain on request, and shows a refusal the usual way', async () => {
    vi.spyOn(auditApi, 'list').mockResolvedValue({ items: [], total: 0, page: 1, page_size: 20 })
    const verify = vi
      .spyOn(auditApi, 'verifyChain')
      .mockResolvedValueOnce({ ok: true, checked: 4, last_hash: 'ab'.repeat(32), first_bad_id: null, reason: '', unsealed: 0, oldest_unsealed_seconds: 0, stale: false })
      .mockRejectedValueOnce(new ApiError(403, 'forbidden', '无权执行此操作'))
    const w = await mountView()
    expect(w.find('[data-test=chain-result]').exists()).toBe(false)
    await w.find('[data-test=verify-chain]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test=chain-ok]').text()).toContain('已校验 4 条记录')
    await w.find('[data-test=verify-chain]').trigger('click')
    await flushPromises()
    expect(verify).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test=chain-result]').exists()).toBe(false)
    expect(w.find('[data-test=chain-error]').text()).toContain('无权执行此操作')
    w.unmount()
  })
})

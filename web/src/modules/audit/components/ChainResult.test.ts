import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'

// Without the fade transition's stub the alert's own element carries data-test, as in the app.
const global = { stubs: { transition: false } }
import type { ChainReport } from '@/modules/audit/types'
import ChainResult from './ChainResult.vue'

const HASH = '201cb644522d5edb0c40b3f9e72b2941cba0501e0735ca33c6826c5095add982'

function report(over: Partial<ChainReport> = {}): ChainReport {
  return { ok: true, checked: 42, last_hash: HASH, first_bad_id: null, reason: '', unsealed: 0, oldest_unsealed_seconds: 0, stale: false, ...over }
}

describe('ChainResult', () => {
  it('says how many records were verified and shows the chain end shortened, the whole hash on hover', () => {
    const w = mount(ChainResult, { props: { report: report() }, global })
    expect(w.find('[data-test=chain-ok]').text()).toContain('哈希链完整：已校验 42 条记录')
    const hash = w.find('[data-test=chain-hash]')
    expect(hash.text()).toBe('末端哈希 201cb644522d…')
    expect(hash.attributes('title')).toBe(HASH)
    expect(w.find('[data-test=chain-broken]').exists()).toBe(false)
    expect(w.find('[data-test=chain-unsealed]').exists()).toBe(false)
    expect(w.find('[data-test=chain-stale]').exists()).toBe(false)
  })

  it('names the first bad record and the reason in a red alert', () => {
    const w = mount(ChainResult, { props: { report: report({ ok: false, checked: 7, first_bad_id: '17', reason: 'hash mismatch' }) }, global })
    const broken = w.find('[data-test=chain-broken]')
    expect(broken.classes()).toContain('el-alert--error')
    expect(broken.text()).toContain('哈希链在记录 17 处断开')
    expect(broken.text()).toContain('hash mismatch')
    expect(w.find('[data-test=chain-ok]').exists()).toBe(false)
  })

  it('counts records not yet sealed, quietly while they are fresh', () => {
    const w = mount(ChainResult, { props: { report: report({ unsealed: 3, oldest_unsealed_seconds: 65 }) }, global })
    expect(w.find('[data-test=chain-unsealed]').text()).toBe('3 条记录尚未封链，最早的已等待 1 分 5 秒')
    expect(w.find('[data-test=chain-stale]').exists()).toBe(false)
  })

  it('warns when unsealed records are stale (no sealer running)', () => {
    const w = mount(ChainResult, { props: { report: report({ unsealed: 5, oldest_unsealed_seconds: 7200, stale: true }) }, global })
    const stale = w.find('[data-test=chain-stale]')
    expect(stale.classes()).toContain('el-alert--warning')
    expect(stale.text()).toContain('5 条记录尚未封链，最早的已等待 2 小时 0 分')
    expect(stale.text()).toContain('keyuan audit seal')
    expect(w.find('[data-test=chain-unsealed]').exists()).toBe(false)
  })
})

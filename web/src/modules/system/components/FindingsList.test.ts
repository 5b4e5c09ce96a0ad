import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'

// Without the fade transition's stub the alert's own element carries data-test, as in the app.
const global = { stubs: { transition: false } }
import FindingsList from './FindingsList.vue'

describe('FindingsList', () => {
  it('says so when there is nothing unsafe', () => {
    const w = mount(FindingsList, { props: { findings: [] }, global })
    expect(w.find('[data-test=no-findings]').text()).toContain('未发现不安全的设置')
  })

  it('draws refused settings as errors and the others as warnings, with the server message', () => {
    const w = mount(FindingsList, {
      props: {
        findings: [
          { setting: 'security.cookie_secure', refused: true, message: '生产环境须启用 cookie_secure' },
          { setting: 'mail.enabled', refused: false, message: '邮件未启用' },
        ],
      },
      global,
    })
    const refused = w.find('[data-test=finding-refused]')
    expect(refused.classes()).toContain('el-alert--error')
    expect(refused.text()).toContain('security.cookie_secure（生产环境下拒绝启动）')
    expect(refused.text()).toContain('生产环境须启用 cookie_secure')
    const warning = w.find('[data-test=finding-warning]')
    expect(warning.classes()).toContain('el-alert--warning')
    expect(warning.text()).toContain('邮件未启用')
    expect(w.find('[data-test=no-findings]').exists()).toBe(false)
  })
})

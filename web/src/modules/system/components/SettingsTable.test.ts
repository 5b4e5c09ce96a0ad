import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { setLocale } from '@/shared/i18n'
import SettingsTable from './SettingsTable.vue'

const SETTINGS = [
  { name: 'database.url', value: 'sqlite:/tmp/k.db', source: 'flag --db' },
  { name: 'security.cookie_secure', value: '', source: 'default' },
  { name: 'security.require_second_factor', value: 'false', source: 'file' },
  { name: 'mail.password', value: '***', source: 'env KEYUAN_MAIL_PASSWORD' },
]

afterEach(() => setLocale('zh'))

// Without the tag's transition stub, the tag's own element carries data-test, as in the app.
const global = { stubs: { transition: false } }

const names = (w: ReturnType<typeof mount>) => w.findAll('code[data-test^=setting-]').map((c) => c.text())

describe('SettingsTable', () => {
  it('shows every setting with its value and origin in words', async () => {
    const w = mount(SettingsTable, { props: { settings: SETTINGS }, global })
    await flushPromises() // the table draws its rows on the next tick
    expect(names(w)).toEqual(SETTINGS.map((s) => s.name))
    expect(w.find('[data-test="value-database.url"]').text()).toBe('sqlite:/tmp/k.db')
    expect(w.find('[data-test="source-database.url"]').text()).toBe('命令行参数 --db')
    expect(w.find('[data-test="source-security.require_second_factor"]').text()).toBe('配置文件')
    expect(w.find('[data-test="source-mail.password"]').text()).toBe('环境变量 KEYUAN_MAIL_PASSWORD')
    expect(w.find('[data-test="value-mail.password"]').text()).toBe('***')
  })

  it('labels an empty value as the default, in either language', async () => {
    const w = mount(SettingsTable, { props: { settings: SETTINGS }, global })
    await flushPromises()
    const empty = w.find('[data-test="value-security.cookie_secure"]')
    expect(empty.text()).toBe('默认')
    expect(empty.classes()).toContain('el-tag')
    expect(w.find('[data-test="source-security.cookie_secure"]').text()).toBe('默认')
    setLocale('en')
    await flushPromises()
    expect(w.find('[data-test="value-security.cookie_secure"]').text()).toBe('default')
    expect(w.find('[data-test="source-database.url"]').text()).toBe('command-line flag --db')
  })

  it('narrows the table to what the filter box holds', async () => {
    const w = mount(SettingsTable, { props: { settings: SETTINGS }, global })
    const box = w.find('[data-test=settings-filter] input, input[data-test=settings-filter]')
    expect(box.attributes('aria-label')).toBe('按名称、取值或来源筛选')
    await box.setValue('security')
    await flushPromises()
    expect(names(w)).toEqual(['security.cookie_secure', 'security.require_second_factor'])
    await box.setValue('nothing like it')
    await flushPromises()
    expect(names(w)).toEqual([])
    expect(w.text()).toContain('没有符合条件的设置')
  })
})

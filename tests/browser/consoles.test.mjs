// The administrators' consoles (issue 20): the audit administrator filters the trail, verifies the
// hash chain, opens a record and exports the filtered trail; the system administrator reads the
// settings in force and the server's readiness; both pages fit a phone; nobody else sees them.
// run.sh creates audit1 (audit_admin), sysadmin1 (system_admin) and operator1, each through the
// command line: their `user.created` records are in the trail, made by `cli`.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, assertNoOverflow, field, login, textOf, withBrowser } from './support.mjs'

/** Fails unless the page is no wider than a 390-pixel phone (tables scroll in their own boxes). */
async function fitsPhone(page, what) {
  await assertNoOverflow(page, what)
  const wide = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(wide <= 390, `${what}: the page is ${wide}px wide`)
}

test('an audit administrator filters the trail, verifies the chain, opens a record and exports the filter', async () => {
  await withBrowser(async (page) => {
    await login(page, 'audit1')
    await page.waitForURL(/\/audit$/)
    await page.getByRole('heading', { name: '审计日志' }).waitFor()
    assert.equal(await page.locator('[data-test=nav-audit]').count(), 1)
    assert.equal(await page.locator('[data-test=nav-system]').count(), 0, 'the system page is not for auditors')
    await page.locator('[data-test=audit-table] .el-table__row').first().waitFor()

    // The period starts at midnight Beijing time on 2020-01-01: 16:00 UTC the day before.
    const from = field(page, 'audit-from')
    await from.click()
    await from.fill('2020-01-01 00:00:00')
    await from.press('Enter')
    await page.keyboard.press('Escape')
    await field(page, 'audit-username').fill('cli')
    // Enter in a text field searches, as the filter form's submit.
    const eventType = field(page, 'audit-event-type')
    await eventType.fill('user.created')
    await eventType.press('Enter')

    const exportLink = page.locator('[data-test=audit-export]')
    await page.waitForFunction(() => document.querySelector('[data-test=audit-export]')?.getAttribute('href')?.includes('username=cli'))
    const href = await exportLink.getAttribute('href')
    const query = new URL(href, BASE_URL).searchParams
    assert.equal(new URL(href, BASE_URL).pathname, '/api/v1/audit-events/export')
    assert.equal(query.get('username'), 'cli')
    assert.equal(query.get('event_type'), 'user.created')
    assert.equal(query.get('from'), '2019-12-31T16:00:00Z')

    const rows = page.locator('[data-test=audit-table] .el-table__body .el-table__row')
    await rows.filter({ hasText: 'user.created' }).first().waitFor()
    for (const text of await rows.allInnerTexts()) assert.match(text, /user\.created/, `only created users: ${text}`)
    const count = await rows.count()
    assert.ok(count >= 3, `audit1, sysadmin1 and the others were created: ${count} rows`)

    // The export answers the same filter as a CSV file (the session's cookie goes with the link).
    const csv = await page.evaluate(async (url) => {
      const r = await fetch(url)
      return { type: r.headers.get('content-type'), text: await r.text() }
    }, href)
    assert.match(csv.type, /text\/csv/)
    assert.match(csv.text, /user\.created/)
    assert.doesNotMatch(csv.text, /login\.ok/)

    // The chain check, by keyboard: focus the button and press Enter.
    await page.locator('[data-test=verify-chain]').focus()
    await page.keyboard.press('Enter')
    const ok = page.locator('[data-test=chain-ok]')
    await ok.waitFor()
    assert.match(await textOf(ok), /哈希链完整：已校验 \d+ 条记录/)
    assert.match(await textOf(page.locator('[data-test=chain-hash]')), /^末端哈希 [0-9a-f]{12}…$/)

    // A record's detail: the account it created, as indented JSON.
    const firstRow = rows.first()
    await firstRow.locator('[data-test^=audit-view-]').click()
    const drawer = page.locator('[data-test=audit-drawer]')
    const after = drawer.locator('[data-test=audit-after]')
    await after.waitFor()
    assert.match(await after.innerText(), /\n {2}"username": "/)
    assert.equal(await after.evaluate((e) => getComputedStyle(e).fontFamily.includes('monospace')), true)
    assert.equal((await drawer.locator('[data-test=audit-sealed]').innerText()).trim(), '已封入哈希链')
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-record.png'), fullPage: true })
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
  })
})

test('a system administrator reads the settings in force and the readiness', async () => {
  await withBrowser(async (page) => {
    await login(page, 'sysadmin1')
    await page.waitForURL(/\/system$/)
    assert.equal(await page.locator('[data-test=nav-system]').count(), 1)
    assert.equal(await page.locator('[data-test=nav-audit]').count(), 0, 'the audit trail is not for system administrators')

    const health = page.locator('[data-test=health-tag][data-health=ok]')
    await health.waitFor()
    assert.match(await textOf(health), /^正常（(sqlite|postgresql)）$/)
    assert.match(await textOf(page.locator('[data-test=tile-mode]')), /^开发环境$/)
    assert.match(await textOf(page.locator('[data-test=tile-schema]')), /^\d+$/)
    await page.locator('[data-test=no-findings]').waitFor()

    // run.sh starts the server with --db: the database URL comes from the command line.
    await page.locator('[data-test="setting-database.url"]').waitFor()
    assert.equal(await textOf(page.locator('[data-test="source-database.url"]')), '命令行参数 --db')
    assert.equal(await textOf(page.locator('[data-test="source-security.require_second_factor"]')), '配置文件')
    await field(page, 'settings-filter').fill('cookie')
    const names = page.locator('[data-test=settings-table] code[data-test^=setting-]')
    await page.locator('[data-test="setting-database.url"]').waitFor({ state: 'detached' })
    for (const name of await names.allInnerTexts()) assert.match(name, /cookie/)
    assert.equal(await textOf(page.locator('[data-test="value-security.cookie_secure"]')), '默认')

    // The readiness checked again by keyboard.
    await page.locator('[data-test=health-refresh]').focus()
    await page.keyboard.press('Enter')
    await health.waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'system-settings.png'), fullPage: true })

    // In English, the default reads "default".
    await page.locator('[data-test=lang-en]').click()
    await page.getByRole('heading', { name: 'All settings' }).waitFor()
    assert.equal(await textOf(page.locator('[data-test="value-security.cookie_secure"]')), 'default')
  })
})

test('both consoles fit a 390-pixel phone', async () => {
  await withBrowser(
    async (page) => {
      await login(page, 'audit1')
      await page.waitForURL(/\/audit$/)
      await page.locator('[data-test=audit-table] .el-table__row').first().waitFor()
      await page.locator('[data-test=verify-chain]').click()
      await page.locator('[data-test=chain-ok]').waitFor()
      await fitsPhone(page, 'the audit page')
      await page.locator('[data-test^=audit-view-]').first().click()
      await page.locator('[data-test=audit-drawer] [data-test=audit-sealed]').waitFor()
      await fitsPhone(page, 'the audit record')
      await page.screenshot({ path: join(SCREENSHOTS, 'audit-phone.png'), fullPage: true })
      await page.keyboard.press('Escape')
      await page.locator('[data-test=user-menu]').click()
      await page.locator('[data-test=logout]').click()
      await page.locator('[data-test=nav-login]').waitFor()

      await login(page, 'sysadmin1')
      await page.waitForURL(/\/system$/)
      await page.locator('[data-test="setting-database.url"]').waitFor()
      await page.locator('[data-test=health-tag][data-health=ok]').waitFor()
      await fitsPhone(page, 'the system page')
      await page.screenshot({ path: join(SCREENSHOTS, 'system-phone.png'), fullPage: true })
    },
    { width: 390, height: 844 },
  )
})

test('an operator sees neither console and cannot open them', async () => {
  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await page.locator('[data-test=nav-review]').waitFor()
    assert.equal(await page.locator('[data-test=nav-audit]').count(), 0)
    assert.equal(await page.locator('[data-test=nav-system]').count(), 0)
    for (const path of ['/audit', '/system']) {
      await page.goto(`${BASE_URL}${path}`)
      await page.waitForURL(`${BASE_URL}/`)
    }
  })
})

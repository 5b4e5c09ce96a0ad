// Usage statistics in the web UI (an operator also picks one unit by name): unit1 opens 使用统计 from the top menu, sees the twelve months
// with their totals and the chart, switches to its consumption as a client, and downloads the
// table as CSV (UTF-8 with a byte-order mark, Chinese headers, the totals last). The figures
// themselves are the HTTP tests' (tests/http/delivery/usage_test.cpp).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, login, withBrowser } from './support.mjs'

test('a unit administrator reads its usage statistics and downloads them', async () => {
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.locator('[data-test=nav-usage]').click()
    const table = page.locator('[data-test=usage-table]')
    await table.waitFor()
    await page.locator('[data-test=usage-totals]').waitFor()
    assert.equal(await page.locator('[data-test=usage-row]').count(), 12)
    assert.equal(await page.locator('[data-test=usage-chart] canvas').count(), 1)
    await page.screenshot({ path: join(SCREENSHOTS, 'usage.png'), fullPage: true })

    await page.locator('[data-test=usage-side]').getByText('本单位使用的服务').click()
    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/usage') && r.url().includes('side=client'))
    await page.locator('[data-test=usage-load]').click()
    assert.equal((await answer).status(), 200)

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=usage-csv]').click()])
    assert.match(download.suggestedFilename(), /^usage-month-client-\d{4}-\d{2}-\d{4}-\d{2}\.csv$|^使用统计/)
    const csv = readFileSync(await download.path(), 'utf8')
    assert.ok(csv.startsWith('\uFEFF"月份","预约次数"'), csv.slice(0, 40))
    assert.match(csv, /\r\n"合计",/)
  })
})

test('an operator reads every unit', async () => {
  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await page.goto(`${BASE_URL}/usage`)
    await page.locator('[data-test=usage-totals]').waitFor()
    assert.equal(await page.locator('[data-test=usage-side]').count(), 0)

    // One unit, found by typing part of its name, as the client of other units' services.
    await page.locator('[data-test=usage-org]').click()
    await page.keyboard.type('北京示范')
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '北京示范' }).first().click()
    await page.locator('[data-test=usage-side]').getByText('本单位使用的服务').click()
    const answer = page.waitForResponse(
      (r) => r.url().includes('/api/v1/usage') && /org_id=\d+/.test(r.url()) && r.url().includes('side=client'),
    )
    await page.locator('[data-test=usage-load]').click()
    assert.equal((await answer).status(), 200)
  })
})

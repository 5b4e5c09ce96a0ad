// Ordering a service in the web UI: a company orders a published testing service on its page
// (the server's field errors shown at the fields), the lab hears of it and quotes on its order
// desk (a price the browser cannot read is named before sending), the company accepts the quote,
// the lab starts, uploads its PDF report (a file over 10 MB is refused before it is sent, a
// text file posing as a PDF by the server, and both refusals shown) and records the delivery; the company downloads the report byte for
// byte and rates the order. run.sh starts the server with unit1 (unit_admin of 北京示范大学),
// reviewer1 and company1 (enterprise).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, apiSession, field, login, logout, textOf, withBrowser } from './support.mjs'

const NAME = '金属材料成分检测'
/** A small PDF whose bytes run through every value: what comes back must be the same bytes. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\n%%EOF\n')])

/** A published service of unit1's, set up through the API. */
async function publishedService() {
  const unit = await apiSession('unit1')
  const reviewer = await apiSession('reviewer1')
  const created = await unit('POST', '/services', {
    name: NAME,
    kind: 'test',
    field: '化学分析',
    content: '合金中主量及微量元素的定量分析',
    price_fen: 50000,
    price_unit: 'per_sample',
    district_code: '110108',
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const id = created.body.id
  assert.equal((await unit('POST', `/services/${id}/submit`)).status, 200)
  assert.equal((await reviewer('POST', `/services/${id}/approve`)).status, 200)
  return id
}

const row = (page) => page.locator('[data-test=order-table] .el-table__row', { hasText: NAME }).first()

test('a company orders a service, the lab quotes, serves and reports, the company downloads and rates', async () => {
  const id = await publishedService()
  const wide = { width: 1366, height: 768 }

  await withBrowser(async (page) => {
    // A visitor sees the service and is asked to log in to order it.
    await page.goto(`${BASE_URL}/services/${id}`)
    assert.equal(await textOf(page.locator('[data-test=service-name]')), NAME)
    assert.match(await textOf(page.locator('[data-test=service-price]')), /500\.00 元\/样/)
    await page.locator('[data-test=login-to-order]').waitFor()

    // A department reviewer does not order services, and is told so instead of getting a form.
    await login(page, 'reviewer1')
    await page.goto(`${BASE_URL}/services/${id}`)
    await page.locator('[data-test=order-not-for-role]').waitFor()
    await logout(page)

    // The company orders: without requirements the server's answer is shown at that field.
    await login(page, 'company1')
    await page.goto(`${BASE_URL}/services/${id}`)
    await page.locator('[data-test=order-form]').waitFor()
    await page.locator('[data-test=order-submit]').click()
    await page.locator('[data-field=requirements] .el-form-item__error').waitFor()
    await field(page, 'order-requirements').fill('检测三份铝合金样品的成分，出具 CMA 报告')
    await field(page, 'order-samples').fill('3')
    await field(page, 'order-sample-description').fill('铝合金，每份约 5 克')
    await page.locator('[data-test=order-submit]').click()
    await page.locator('.el-message', { hasText: '订单已提交' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'order-form.png'), fullPage: true })
    await page.locator('[data-test=nav-orders]').click()
    await row(page).getByText('待报价').waitFor()
    await logout(page)

    // The lab hears of it and follows the message to its order desk, where it quotes.
    await login(page, 'unit1')
    await page.locator('[data-test=inbox-bell]').click()
    await page.locator('[data-test=inbox-item]', { hasText: `新的服务订单：${NAME}` }).click()
    await page.waitForURL(/\/orders\/desk$/)
    await row(page).locator('[data-test=act-quote]').click()
    await field(page, 'quote-price').fill('1200.555')
    await page.locator('[data-test=quote-save]').click()
    await page.locator('[data-field=quote_fen] .el-form-item__error', { hasText: '最多两位小数' }).waitFor()
    await field(page, 'quote-price').fill('1,200.5')
    await field(page, 'quote-note').fill('含 CMA 报告')
    await page.locator('[data-test=quote-save]').click()
    await row(page).getByText('待确认').waitFor()
    assert.match(await textOf(row(page).locator('[data-test=row-quote]')), /1,200\.50 元 · 5 个工作日/)
    await logout(page)

    // The company accepts the quote.
    await login(page, 'company1')
    await page.locator('[data-test=inbox-bell]').click()
    await page.locator('[data-test=inbox-item]', { hasText: `订单已报价：${NAME}，1,200.50 元` }).click()
    await page.waitForURL(/\/orders$/)
    // An enterprise confirms in a dialog where a voucher may pay part (vouchers.test.mjs); none here.
    await row(page).locator('[data-test=act-confirm]').click()
    await page.locator('[data-test=confirm-quote]', { hasText: '1,200.50 元' }).waitFor()
    await page.locator('[data-test=confirm-dialog-save]').click()
    await row(page).getByText('已确认').waitFor()
    assert.equal(await row(page).locator('[data-test=act-cancel]').count(), 0, 'too late to cancel')
    await page.screenshot({ path: join(SCREENSHOTS, 'my-orders.png'), fullPage: true })
    await logout(page)

    // The lab starts, uploads its report (a text file named .pdf is refused) and records the delivery.
    await login(page, 'unit1')
    await page.locator('[data-test=nav-order-desk]').click()
    await row(page).locator('[data-test=act-start]').click()
    await row(page).getByText('服务中').waitFor()
    await row(page).locator('[data-test=act-details]').click()
    const drawer = page.locator('[data-test=order-drawer]')
    await drawer.locator('[data-test=order-history]', { hasText: '开始服务' }).waitFor()
    const input = drawer.locator('[data-test=file-input]')
    await drawer.getByText('每个不超过 10 MB，每个订单最多 10 个').waitFor()
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)])
    await input.setInputFiles({ name: '大文件.pdf', mimeType: 'application/pdf', buffer: big })
    await drawer.locator('[data-test=file-error]', { hasText: '文件超过 10 MB' }).waitFor()
    await input.setInputFiles({ name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text') })
    await drawer.locator('[data-test=file-error]', { hasText: 'PDF' }).waitFor()
    await input.setInputFiles({ name: '检测报告.pdf', mimeType: 'application/pdf', buffer: PDF })
    await drawer.locator('[data-test=file-item]', { hasText: '检测报告.pdf' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'order-drawer.png') })
    await drawer.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })
    await page.screenshot({ path: join(SCREENSHOTS, 'order-desk.png'), fullPage: true })
    await row(page).locator('[data-test=act-delivery]').click()
    await field(page, 'delivery-fee').fill('1200.5')
    await page.locator('[data-test=delivery-save]').click()
    await row(page).getByText('已完成').waitFor()
  }, wide)

  // On a phone: the company downloads the report and rates the order; the lab's desk.
  const phone = { width: 390, height: 844 }
  await withBrowser(async (page) => {
    await login(page, 'company1')
    await page.goto(`${BASE_URL}/orders`)
    await row(page).getByText('已完成').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'my-orders-390.png'), fullPage: true })
    await row(page).locator('[data-test=act-details]').click()
    const drawer = page.locator('[data-test=order-drawer]')
    const link = drawer.locator('[data-test=file-link]', { hasText: '检测报告.pdf' })
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    assert.equal(download.suggestedFilename(), '检测报告.pdf')
    assert.deepEqual(readFileSync(await download.path()), PDF)
    await page.screenshot({ path: join(SCREENSHOTS, 'order-drawer-390.png') })
    await drawer.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })

    await row(page).locator('[data-test=act-rate]').click()
    await page.locator('[data-test=rating-score] .el-rate__item').nth(4).click()
    await field(page, 'rating-comment').fill('报告详实，出具及时')
    await page.locator('[data-test=rating-save]').click()
    await row(page).locator('[data-test=order-rating]').waitFor()
    assert.equal(await row(page).locator('[data-test=act-rate]').count(), 0, 'rated once')
    await logout(page)

    await login(page, 'unit1')
    await page.goto(`${BASE_URL}/orders/desk`)
    await row(page).getByText('已完成').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'order-desk-390.png'), fullPage: true })
  }, phone)
})

// Innovation vouchers in the web UI (issue 15), the flow of "Done means": the operator sets a
// programme up, opens it and admits 北京示范大学 as a provider; company1 applies (a failed criterion
// shown at its field), the operator approves; company1 books unit1's instrument and pays half with
// the voucher (the amount starts at the most the programme allows); a week passes (the booking moved
// into the past in the database, as tests/http/vouchers does); unit1 records the delivery and claims
// with its invoice number; the operator approves the claim, the finance bureau (finance1) settles it
// and reads the paid amount in the programme's report. Then every voucher page at 390 px: nothing
// wider than the screen.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, apiSession, approvedInstrument, beijingDate, field, login, logout, pickOption, runSql, textOf, withBrowser } from './support.mjs'

const NAME = '场发射扫描电镜（创新券）'
const PROGRAMME = '科技创新券（浏览器测试）'
const COMPANY = '北京示范科技有限公司'

/** An approved instrument of unit1's, bookable every day 08:00–20:00 at 300 元 an hour, no approval. */
async function pricedInstrument() {
  const unit = await apiSession('unit1')
  const id = await approvedInstrument(NAME, 'VCH-SEM-1')
  const rules = await unit('PUT', `/instruments/${id}/booking-rules`, {
    weekdays: '1234567',
    working_days_only: false,
    opens_at: '08:00',
    closes_at: '20:00',
    slot_minutes: 60,
    min_notice_minutes: 0,
    horizon_days: 90,
    approval_required: false,
    external_fen_per_hour: 30000,
  })
  assert.equal(rules.status, 200, JSON.stringify(rules.body))
  return id
}

/** Types a number into an Element Plus number input; it takes the value when the field is left. */
async function fillNumber(page, testId, value) {
  const input = field(page, testId)
  await input.fill(String(value))
  await input.press('Tab')
}

async function openMenu(page, entry) {
  await page.locator('[data-test=nav-vouchers]').click()
  await page.locator(`[data-test=nav-vch-${entry}]`).click()
}

/** The page (or its `scope`) is no wider than the window: nothing scrolls sideways. Tables that
 * scroll inside their own box are fine; the message names the outermost element that sticks out. */
async function assertNoOverflow(page, what, scope = 'html') {
  const [wide, culprit] = await page.evaluate((scope) => {
    const root = document.querySelector(scope)
    const clips = (e) => {
      for (let a = e.parentElement; a && a !== root; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true
      return false
    }
    const past = [...root.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !clips(e))
    const outer = past.find((e) => !past.includes(e.parentElement))
    return [root.scrollWidth, outer ? `${outer.tagName}.${outer.className}` : '']
  }, scope)
  assert.ok(wide <= (await page.evaluate(() => window.innerWidth)), `${what}: ${wide}px wide (${culprit})`)
}

test('apply, approve, book paying half with the voucher, deliver, claim, approve, settle, report', async () => {
  const instrument = await pricedInstrument()
  const day = beijingDate(1)
  const nextWeek = new Date(`${day}T00:00:00Z`).getUTCDay() === 1 // tomorrow starts a new week

  await withBrowser(async (page) => {
    // The operator sets the programme up, opens it and admits the university as a provider.
    await login(page, 'operator1')
    await openMenu(page, 'programmes')
    await page.locator('[data-test=programmes-title]').waitFor()
    await page.locator('[data-test=programme-create]').click()
    const dialog = page.locator('[data-test=programme-dialog]')
    await field(page, 'f-name').fill(PROGRAMME)
    await fillNumber(page, 'f-budget_fen', 1000000)
    await fillNumber(page, 'f-cap_per_enterprise_fen', 100000)
    await fillNumber(page, 'f-cap_per_order_fen', 50000)
    await fillNumber(page, 'f-co_approval_fen', 50000)
    await fillNumber(page, 'f-max_revenue_fen', 10000000)
    await fillNumber(page, 'f-max_registered_capital_fen', 20000000)
    await field(page, 'f-source').fill('市级科技专项资金')
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-programme-form.png'), fullPage: true })
    await dialog.locator('[data-test=programme-dialog-save]').click()
    const row = page.locator('[data-test=programme-list] .el-table__row', { hasText: PROGRAMME })
    await row.locator('[data-test=programme-status]', { hasText: '草稿' }).waitFor()
    await row.locator('[data-test=programme-open]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '开放申请' }).click()
    await row.locator('[data-test=programme-status]', { hasText: '申请中' }).waitFor()
    await row.locator('[data-test=programme-providers]').click()
    const providers = page.locator('[data-test=providers-dialog]')
    await pickOption(page, 'provider-org', '北京示范大学', '示范大学')
    await providers.locator('[data-test=provider-admit]').click()
    await providers.locator('[data-test=provider-list]', { hasText: '北京示范大学' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-providers.png'), fullPage: true })
    await page.keyboard.press('Escape')
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-programmes.png'), fullPage: true })
    await logout(page)

    // The company applies; a criterion it fails is named at its field.
    await login(page, 'company1')
    await openMenu(page, 'mine')
    await page.locator('[data-test=vouchers-title]').waitFor()
    await page.locator('[data-test=apply]').click()
    const apply = page.locator('[data-test=apply-dialog]')
    await pickOption(page, 'f-programme_id', PROGRAMME)
    assert.match(await textOf(apply.locator('[data-test=programme-rules]')), /最多支付费用的 50%/)
    await fillNumber(page, 'f-amount_fen', 20000)
    await fillNumber(page, 'f-staff', 500)
    await fillNumber(page, 'f-revenue_fen', 8000000)
    await fillNumber(page, 'f-registered_capital_fen', 5000000)
    // Typed as a person can; not support's fillDate, whose Escape would close the dialog too.
    const founded = apply.locator('[data-field=founded_on] input')
    await founded.fill('2019-03-01')
    await founded.press('Enter')
    await apply.locator('.el-dialog__title').click()
    await field(page, 'f-purpose').fill('新材料微观结构检测')
    await apply.locator('[data-test=apply-dialog-save]').click()
    await apply.locator('[data-field=staff].is-error').waitFor()
    await page.waitForTimeout(400) // the message zooms in
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-apply.png'), fullPage: true })
    await fillNumber(page, 'f-staff', 35)
    await apply.locator('[data-test=apply-dialog-save]').click()
    await page.locator('[data-test=application-list] [data-test=application-status]', { hasText: '待审核' }).waitFor()
    await logout(page)

    // The operator approves it (below the co-approval amount: no finance bureau needed).
    await login(page, 'operator1')
    await openMenu(page, 'review')
    const application = page.locator('[data-test=application-queue] .el-table__row', { hasText: COMPANY })
    await application.locator('[data-test=app-approve]').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-review.png'), fullPage: true })
    await application.locator('[data-test=app-approve]').click()
    await page.locator('[data-test=application-queue] .el-table__row', { hasText: COMPANY }).waitFor({ state: 'detached' })
    await logout(page)

    // The company books two hours (600 元) and pays half with the voucher.
    await login(page, 'company1')
    await openMenu(page, 'mine')
    await page.locator('[data-test=voucher-available]', { hasText: '20,000.00 元' }).waitFor()
    await page.goto(`${BASE_URL}/instruments/${instrument}`)
    const calendar = page.locator('[data-test=booking-calendar]')
    await calendar.locator('[data-test=week-grid]').waitFor()
    if (nextWeek) await calendar.locator('[data-test=cal-next]').click()
    await calendar.locator(`[data-test="slot-${day}-09:00"]`).click()
    await calendar.locator(`[data-test="slot-${day}-10:00"]`).click()
    await field(page, 'booking-purpose').fill('断口形貌观察')
    await page.locator('[data-test=use-voucher]').click()
    await page.locator('[data-test=voucher-max]', { hasText: '300.00 元' }).waitFor()
    assert.equal(await field(page, 'f-voucher_fen').inputValue(), '300.00')
    // More than half is refused by the server at the amount.
    await fillNumber(page, 'f-voucher_fen', 300.01)
    await page.locator('[data-test=booking-submit]').click()
    await page.locator('[data-field=voucher_fen].is-error', { hasText: '50%' }).waitFor()
    await page.waitForTimeout(400) // the message zooms in
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-booking.png'), fullPage: true })
    await fillNumber(page, 'f-voucher_fen', 300)
    await page.locator('[data-test=booking-submit]').click()
    await page.locator('.el-message', { hasText: '预约已提交' }).waitFor()
    await openMenu(page, 'mine')
    await page.locator('[data-test=voucher-available]', { hasText: '19,700.00 元' }).waitFor()
    await page.locator('[data-test=voucher-details]').click()
    await page.locator('[data-test=voucher-uses]', { hasText: '已预留' }).waitFor()
    await page.locator('[data-test=voucher-providers]', { hasText: '北京示范大学' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-details.png'), fullPage: true })
    await page.keyboard.press('Escape')
    await logout(page)

    // A week passes; the lab records the delivery and claims the voucher's part with its invoice.
    const company = await apiSession('company1')
    const booking = (await company('GET', '/bookings?view=mine&page_size=100')).body.items.find((b) => b.instrument_id === instrument)
    runSql(`UPDATE bookings SET start_minute = start_minute - 20160, end_minute = end_minute - 20160 WHERE id = ${booking.id}`)
    await login(page, 'unit1')
    await page.goto(`${BASE_URL}/bookings/desk`)
    const desk = page.locator('[data-test=booking-table] .el-table__row', { hasText: NAME })
    await desk.locator('[data-test=act-delivery]').click()
    await field(page, 'delivery-fee').fill('600')
    await page.locator('[data-test=delivery-save]').click()
    await desk.getByText('已完成').waitFor()
    await desk.locator('[data-test=row-voucher]', { hasText: '创新券支付 300.00 元（已使用）' }).waitFor()
    await openMenu(page, 'redemption')
    const use = page.locator('[data-test=uses-to-claim] .el-table__row').first()
    assert.match(await textOf(use.locator('[data-test=use-consumed]')), /300\.00 元/)
    await use.locator('[data-test=claim-use]').click()
    const claim = page.locator('[data-test=claim-dialog]')
    await claim.locator('[data-test=claim-dialog-save]').click()
    await claim.locator('[data-field=invoice_no].is-error').waitFor()
    await field(page, 'f-invoice_no').fill('INV-2026-0001')
    await claim.locator('[data-test=claim-dialog-save]').click()
    await page.locator('[data-test=claim-list] [data-test=claim-status]', { hasText: '待审核' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-redemption.png'), fullPage: true })
    await logout(page)

    // The operator approves the claim.
    await login(page, 'operator1')
    await openMenu(page, 'review')
    await page.locator('#tab-claims').click()
    const claimRow = page.locator('[data-test=claim-list] .el-table__row', { hasText: 'INV-2026-0001' })
    await claimRow.locator('[data-test=claim-approve]').click()
    await claimRow.locator('[data-test=claim-status]', { hasText: '已审核' }).waitFor()
    await logout(page)

    // The finance bureau settles it and reads the report.
    await login(page, 'finance1')
    await openMenu(page, 'review')
    await page.locator('#tab-claims').click()
    const approved = page.locator('[data-test=claim-list] .el-table__row', { hasText: 'INV-2026-0001' })
    await approved.locator('.el-checkbox').click()
    await page.locator('[data-test=settle]').click()
    await field(page, 'f-payment_reference').fill('PAY-2026-001')
    await page.locator('[data-test=settle-dialog-save]').click()
    await page.locator('[data-test=settlement-list] [data-test=settlement-total]', { hasText: '300.00 元' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-settlements.png'), fullPage: true })
    await openMenu(page, 'report')
    await pickOption(page, 'report-programme', PROGRAMME)
    await page.locator('[data-test=report-paid]', { hasText: '300.00 元' }).waitFor()
    assert.equal(await textOf(page.locator('[data-test=report-issued]')), '20,000.00 元')
    assert.equal(await textOf(page.locator('[data-test=report-budget-left]')), '预算余额 980,000.00 元')
    assert.equal(await textOf(page.locator('[data-test=report-served]')), '1')
    await page.locator('[data-test=chart-providers] canvas').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-report.png'), fullPage: true })
  })
})

test('a large application is recommended by the operator and co-approved by the finance bureau', async () => {
  const company = await apiSession('company1')
  const programmes = (await company('GET', '/voucher-programmes?status=open')).body.items
  const programme = programmes.find((p) => p.name === PROGRAMME)
  const applied = await company('POST', '/voucher-applications', {
    programme_id: programme.id,
    amount_fen: 6000000, // 60,000 元: at or above the co-approval amount of 50,000 元
    staff: 35,
    revenue_fen: 800000000,
    registered_capital_fen: 500000000,
    founded_on: '2019-03-01',
    purpose: '中试验证',
  })
  assert.equal(applied.status, 201, JSON.stringify(applied.body))
  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await openMenu(page, 'review')
    const row = page.locator('[data-test=application-queue] .el-table__row', { hasText: '60,000.00 元' })
    await row.locator('[data-test=app-recommend]').waitFor()
    assert.equal(await row.locator('[data-test=app-approve]').count(), 0, 'the operator alone cannot approve it')
    await row.locator('[data-test=app-recommend]').click()
    await row.waitFor({ state: 'detached' })
    await logout(page)

    await login(page, 'finance1')
    await openMenu(page, 'review')
    const queued = page.locator('[data-test=application-queue] .el-table__row', { hasText: '60,000.00 元' })
    await queued.locator('[data-test=application-status]', { hasText: '待联审' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-co-approval.png'), fullPage: true })
    await queued.locator('[data-test=app-co_approve]').click()
    await queued.waitFor({ state: 'detached' })
    await page.locator('[data-test=application-scope]').getByText('全部').click()
    await page
      .locator('[data-test=application-queue] .el-table__row', { hasText: '60,000.00 元' })
      .locator('[data-test=application-status]', { hasText: '已发券' })
      .waitFor()
  })
})

test('a quotation is confirmed paying part with a voucher; a related provider is refused at the voucher', async () => {
  const SERVICE = '合金成分检测（创新券）'
  const unit = await apiSession('unit1')
  const reviewer = await apiSession('reviewer1')
  const company = await apiSession('company1')
  const service = await unit('POST', '/services', {
    name: SERVICE,
    kind: 'test',
    field: '化学分析',
    content: '合金中主量元素的定量分析',
    price_fen: 50000,
    price_unit: 'per_sample',
    district_code: '110108',
  })
  assert.equal(service.status, 201, JSON.stringify(service.body))
  assert.equal((await unit('POST', `/services/${service.body.id}/submit`)).status, 200)
  assert.equal((await reviewer('POST', `/services/${service.body.id}/approve`)).status, 200)
  const order = await company('POST', '/orders', { service_id: service.body.id, requirements: '检测两份合金样品', samples: 2, sample_description: '铝合金' })
  assert.equal(order.status, 201, JSON.stringify(order.body))
  const quoted = await unit('POST', `/orders/${order.body.id}/quotation`, { quote_fen: 100000, quote_days: 5 })
  assert.equal(quoted.status, 200, JSON.stringify(quoted.body))

  await withBrowser(async (page) => {
    // The operator records that the company is a shareholder's relation of the provider.
    await login(page, 'operator1')
    await openMenu(page, 'relations')
    await pickOption(page, 'relation-a', '北京示范大学', '示范大学')
    await pickOption(page, 'relation-b', COMPANY, '示范科技')
    await pickOption(page, 'relation-kind', '参股')
    await field(page, 'relation-note').fill('持股 30%')
    await page.locator('[data-test=relation-add]').click()
    const relation = page.locator('[data-test=relation-list] .el-table__row', { hasText: COMPANY })
    await relation.waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-relations.png'), fullPage: true })
    await logout(page)

    // The company confirms the quotation paying half with a voucher: refused, the relation named.
    await login(page, 'company1')
    await page.locator('[data-test=nav-orders]').click()
    const row = page.locator('[data-test=order-table] .el-table__row', { hasText: SERVICE })
    await row.locator('[data-test=act-confirm]').click()
    const dialog = page.locator('[data-test=confirm-dialog]')
    await dialog.locator('[data-test=confirm-quote]', { hasText: '1,000.00 元' }).waitFor()
    await dialog.locator('[data-test=use-voucher]').click()
    await dialog.locator('[data-test=voucher-max]', { hasText: '500.00 元' }).waitFor()
    await dialog.locator('[data-test=confirm-dialog-save]').click()
    await dialog.locator('[data-field=voucher_id].is-error', { hasText: '关联关系' }).waitFor()
    await page.waitForTimeout(400) // the message zooms in
    await page.screenshot({ path: join(SCREENSHOTS, 'voucher-order-confirm.png'), fullPage: true })
    await dialog.locator('.el-dialog__headerbtn').click()
    await logout(page)

    // The relation ends; the same confirmation goes through.
    await login(page, 'operator1')
    await openMenu(page, 'relations')
    await page.locator('[data-test=relation-list] .el-table__row', { hasText: COMPANY }).locator('[data-test=relation-remove]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '解除' }).click()
    await page.locator('[data-test=relation-list] .el-table__row', { hasText: COMPANY }).waitFor({ state: 'detached' })
    await logout(page)

    await login(page, 'company1')
    await page.locator('[data-test=nav-orders]').click()
    await row.locator('[data-test=act-confirm]').click()
    await dialog.locator('[data-test=use-voucher]').click()
    await dialog.locator('[data-test=voucher-max]', { hasText: '500.00 元' }).waitFor()
    await dialog.locator('[data-test=confirm-dialog-save]').click()
    await row.getByText('已确认').waitFor()
    const confirmed = (await company('GET', `/orders/${order.body.id}`)).body
    assert.equal(confirmed.voucher_use.status, 'reserved')
    assert.equal(confirmed.voucher_use.amount_fen, 50000)
  })
})

test('every voucher page fits a 390 px screen', async () => {
  const pages = {
    company1: ['/vouchers'],
    unit1: ['/vouchers/redemption'],
    operator1: ['/vouchers/programmes', '/vouchers/review', '/vouchers/relations', '/vouchers/report'],
    finance1: ['/vouchers/review', '/vouchers/report'],
  }
  await withBrowser(
    async (page) => {
      for (const [user, paths] of Object.entries(pages)) {
        await login(page, user)
        for (const path of paths) {
          await page.goto(`${BASE_URL}${path}`)
          await page.locator('h1').waitFor()
          await page.waitForLoadState('networkidle')
          await assertNoOverflow(page, `${user} ${path}`)
          const name = `voucher-${user}${path.replaceAll('/', '-')}-390.png`
          await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true })
        }
        if (user === 'company1') {
          // A voucher's details fill the phone's screen.
          await page.goto(`${BASE_URL}/vouchers`)
          await page.locator('[data-test=voucher-details]').first().click()
          await page.locator('[data-test=voucher-uses]').waitFor()
          await page.waitForTimeout(400) // the drawer slides in
          await assertNoOverflow(page, 'the voucher drawer')
          await page.screenshot({ path: join(SCREENSHOTS, 'voucher-details-390.png'), fullPage: true })
          await page.keyboard.press('Escape')
          await page.locator('[data-test=voucher-drawer]').waitFor({ state: 'hidden' })
        }
        await logout(page)
      }
      // English labels are longer: the operator's pages once more in English (the page's content:
      // the header's brand does not fit 390 px in English on any page, outside this module).
      await login(page, 'operator1')
      await page.evaluate(() => localStorage.setItem('keyuan.locale', 'en'))
      for (const path of pages.operator1) {
        await page.goto(`${BASE_URL}${path}`)
        await page.locator('h1').waitFor()
        await page.waitForLoadState('networkidle')
        await assertNoOverflow(page, `operator1 ${path} in English`, '.content')
      }
      await page.screenshot({ path: join(SCREENSHOTS, 'voucher-report-en-390.png'), fullPage: true })
    },
    { width: 390, height: 844 },
  )
})

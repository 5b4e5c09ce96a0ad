// Booking instrument time in the web UI: the unit sets booking rules under its instrument's form,
// a company books two hours in the calendar, the lab hears of it in its inbox, approves it on the
// booking desk, is refused the delivery before the time begins and records it once it has; the
// company hears of the approval and rates the booking. Time passing is the booking moved into the
// past in the database (the server's clock cannot be turned). run.sh starts the server with unit1
// (unit_admin of 北京示范大学), reviewer1 and company1 (enterprise).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, approvedInstrument, beijingDate, field, login, logout, runSql, textOf, withBrowser } from './support.mjs'

const NAME = '激光共聚焦显微镜'

test('a company books two hours, the lab approves and goes to record the delivery', async () => {
  const id = await approvedInstrument(NAME, 'BOOK-LSM-980')
  // Tomorrow in Beijing, open every day from 08:30 in hour-long slots: 09:30–11:30 is two slots.
  const day = beijingDate(1)
  const nextWeek = new Date(`${day}T00:00:00Z`).getUTCDay() === 1 // tomorrow starts a new week

  await withBrowser(async (page) => {
    // A visitor sees the calendar and is asked to log in.
    await page.goto(`${BASE_URL}/instruments/${id}`)
    await page.locator('[data-test=booking-panel]').waitFor()
    await page.locator('[data-test=not-bookable]').waitFor()
    await page.locator('[data-test=login-to-book]').waitFor()

    // The unit sets the rules under the instrument's form; a bad combination is named at its field.
    await login(page, 'unit1')
    await page.goto(`${BASE_URL}/workbench/instruments/${id}/edit`)
    const rules = page.locator('[data-test=rules-form]')
    await rules.waitFor()
    await rules.locator('[data-test=rules-weekdays]').getByText('周六').click()
    await rules.locator('[data-test=rules-weekdays]').getByText('周日').click()
    await rules.getByText('仅工作日').click()
    await field(page, 'rules-slot_minutes').fill('50')
    await rules.locator('[data-test=rules-save]').click()
    await rules.locator('[data-field=slot_minutes] .el-form-item__error').waitFor()
    await field(page, 'rules-slot_minutes').fill('60')
    await field(page, 'rules-min_notice_minutes').fill('0')
    await field(page, 'rules-external_fen_per_hour').fill('200')
    await rules.locator('[data-test=rules-save]').click()
    await page.locator('.el-message', { hasText: '预约规则已保存' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'booking-rules.png'), fullPage: true })
    await logout(page)

    // The company chooses two consecutive free hours and books them.
    await login(page, 'company1')
    await page.goto(`${BASE_URL}/instruments/${id}`)
    const calendar = page.locator('[data-test=booking-calendar]')
    await calendar.locator('[data-test=week-grid]').waitFor()
    assert.match(await textOf(page.locator('[data-test=booking-prices]')), /校外价（元\/小时） 200\.00/)
    if (nextWeek) await calendar.locator('[data-test=cal-next]').click()
    const first = calendar.locator(`[data-test="slot-${day}-09:30"]`)
    const second = calendar.locator(`[data-test="slot-${day}-10:30"]`)
    assert.equal(await first.getAttribute('data-state'), 'free')
    await first.click()
    await second.click()
    assert.match(await textOf(page.locator('[data-test=booking-chosen]')), /09:30–11:30（120 分钟）/)
    await field(page, 'booking-purpose').fill('活细胞成像，样品 3 个')
    await page.screenshot({ path: join(SCREENSHOTS, 'booking-calendar.png'), fullPage: true })
    await page.locator('[data-test=booking-submit]').click()
    await page.locator('.el-message', { hasText: '预约已提交' }).waitFor()
    await calendar.locator(`[data-test="slot-${day}-09:30"][data-state=taken]`).waitFor()
    await calendar.locator(`[data-test="slot-${day}-10:30"][data-state=taken]`).waitFor()

    // My bookings lists it, waiting for the lab.
    await page.locator('[data-test=nav-bookings]').click()
    const mine = page.locator('[data-test=booking-table] .el-table__row', { hasText: NAME })
    await mine.getByText('待审核').waitFor()
    await logout(page)

    // The lab hears of it in its inbox (the bell counts it) and follows the message to the desk.
    await login(page, 'unit1')
    await page.locator('[data-test=inbox-unread] sup', { hasText: '1' }).waitFor()
    await page.locator('[data-test=inbox-bell]').click()
    const notice = page.locator('[data-test=inbox-item]', { hasText: `新的预约申请：${NAME}，${day} 09:30–11:30` })
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox.png'), fullPage: true })
    await notice.click()
    await page.waitForURL(/\/bookings\/desk$/)
    await page.locator('[data-test=inbox-unread] sup', { hasText: '1' }).waitFor({ state: 'hidden' })

    // It approves the request: buttons come from the row's allowed actions.
    const request = page.locator('[data-test=booking-table] .el-table__row', { hasText: NAME })
    await request.locator('[data-test=act-approve]').waitFor()
    assert.equal(await request.locator('[data-test=act-delivery]').count(), 0, 'no delivery before approval')
    assert.match(await request.locator('[data-test=booking-client]').innerText(), /company1 · 北京示范科技有限公司/)
    await page.screenshot({ path: join(SCREENSHOTS, 'booking-desk.png'), fullPage: true })
    await request.locator('[data-test=act-approve]').click()
    await request.getByText('已确认').waitFor()

    // Recording the delivery: the server completes a booking only once its time has begun, and
    // the dialog shows why it refused.
    await request.locator('[data-test=act-delivery]').click()
    await field(page, 'delivery-fee').fill('400')
    await page.locator('[data-test=delivery-save]').click()
    await page.locator('.el-dialog [data-test=form-error]', { hasText: '预约时段尚未开始' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'booking-delivery.png'), fullPage: true })

    // A week passes: the same dialog now records the delivery, which completes the booking.
    runSql('UPDATE bookings SET start_minute = start_minute - 20160, end_minute = end_minute - 20160')
    await page.locator('[data-test=delivery-save]').click()
    await request.getByText('已完成').waitFor()
  })

  // The company's list on a phone.
  await withBrowser(
    async (page) => {
      await login(page, 'company1')
      await page.locator('[data-test=inbox-bell]').click()
      await page.locator('[data-test=inbox-item]', { hasText: `预约已确认：${NAME}` }).click()
      await page.waitForURL(/\/bookings$/)
      const row = page.locator('[data-test=booking-table] .el-table__row', { hasText: NAME })
      await row.getByText('已完成').waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'my-bookings-390.png'), fullPage: true })

      // The company rates what it used: four of five stars and a comment, once.
      await row.locator('[data-test=act-rate]').click()
      await page.locator('[data-test=rating-score] .el-rate__item').nth(3).click()
      await field(page, 'rating-comment').fill('数据清晰，服务及时')
      await page.locator('[data-test=rating-save]').click()
      await row.locator('[data-test=row-rating]').waitFor()
      assert.equal(await row.locator('[data-test=act-rate]').count(), 0, 'rated once')

      // A calendar app subscribes to the company's bookings through a secret address.
      await page.locator('[data-test=feed-open]').click()
      await page.locator('[data-test=feed-create]').click()
      const feed = await field(page, 'feed-url').inputValue()
      assert.match(feed, /\/api\/v1\/calendar-feeds\/[^/]+\.ics$/)
      const ics = await (await fetch(feed)).text()
      assert.match(ics, /BEGIN:VCALENDAR/)
      assert.ok(ics.includes(NAME), 'the booked instrument is in the feed')
      await page.keyboard.press('Escape')
      await page.goto(`${BASE_URL}/instruments/${id}`)
      await page.locator('[data-test=week-grid]').waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'booking-calendar-390.png'), fullPage: true })
    },
    { width: 390, height: 844 },
  )
})

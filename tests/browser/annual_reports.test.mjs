// The annual transformation report in the web UI (issue 17 C11), the year of "Done means": unit1
// files last year's report — the achievement it registered is pre-filled and marked, a submission
// without the pledge is refused naming what is missing, the unit confirms the row, adds a licence,
// uploads the stamped PDF and the signed pledge and submits; reviewer1 (its department) returns it
// with a reason, accepts the corrected one and forwards it to the city; the operator sees the year's
// deadlines, the statistics with the chart and the export. Then the pages at 390 px: nothing wider
// than the window.
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, assertNoOverflow, confirmBox, apiSession, approvedAchievement, beijingDate, field, login, logout, pickOption, runSql, textOf, withBrowser } from './support.mjs'

// The year notifies unit1 (returned): the tests that follow count their inbox from a clean state.
after(async () => {
  for (const user of ['unit1', 'reviewer1']) {
    const call = await apiSession(user)
    assert.ok((await call('POST', '/notifications/read-all')).status < 300)
  }
})

const YEAR = Number(beijingDate().slice(0, 4)) - 1

async function typeNumber(page, testId, value) {
  const input = field(page, testId)
  await input.fill(String(value))
  await input.press('Tab')
}

test('a year: the unit files, the department returns, accepts and forwards, the operator reads the statistics', async () => {
  // An achievement of unit1 transformed last year (used by another firm): the platform pre-fills it.
  const achievement = await approvedAchievement({ name: '钙钛矿叠层电池制备工艺（年报）', statuses: ['2'] })
  runSql(`UPDATE achievements SET created_at = '${YEAR}-05-01T02:00:00Z' WHERE id = ${achievement}`)
  let reportUrl = ''
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.locator('[data-test=nav-annual-reports]').click()
    await page.locator('[data-test=ar-title]').waitFor()
    await page.locator('[data-test=ar-create]').click()
    await pickOption(page, 'ar-new-year', String(YEAR))
    await page.locator('[data-test=ar-create-save]').click()
    await page.locator('[data-test=ar-form-title]').waitFor()
    reportUrl = page.url()
    await page.locator('[data-test=ar-row-platform]').first().waitFor()
    assert.match(await textOf(page.locator('[data-test=ar-unconfirmed]')), /1 行/)

    // Submitted as pre-filled: the server names the mode, the confirmation, the narrative and the pledge.
    await page.locator('[data-test=ar-submit]').click()
    await page.locator('[data-test=ar-pledge-error]', { hasText: '承诺' }).waitFor()
    await page.locator('[data-test=ar-row-error-0]').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'annual-report-errors.png'), fullPage: true })

    await pickOption(page, 'ar-row-mode-0', '转让')
    await field(page, 'ar-row-counterpart-0').fill('北京光伏科技有限公司')
    await typeNumber(page, 'ar-row-amount-0', 5000000)
    await typeNumber(page, 'ar-row-received-0', 2000000)
    await page.locator('[data-test=ar-row-confirm-0]').click()
    await page.locator('[data-test=ar-add-row]').click()
    await pickOption(page, 'ar-row-mode-1', '许可')
    await field(page, 'ar-row-counterpart-1').fill('天津新材料有限公司')
    await typeNumber(page, 'ar-row-amount-1', 800000)
    await typeNumber(page, 'ar-tech-development-count', 12)
    await typeNumber(page, 'ar-reward-cash', 1960000)
    await typeNumber(page, 'ar-reward-headcount', 14)
    await field(page, 'ar-work-done').fill('全年完成成果转化合同 2 项，技术开发合同 12 项。')
    await page.locator('[data-test=ar-pledge]').click()
    // The stamped report as PDF, and the signed pledge.
    await page.locator('[data-test=ar-file-input]').setInputFiles({ name: '年度报告（盖章）.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 stamped') })
    await page.locator('[data-test=ar-file]', { hasText: '年度报告（盖章）.pdf' }).waitFor()
    await pickOption(page, 'ar-file-purpose', '承诺书')
    await page.locator('[data-test=ar-file-input]').setInputFiles({ name: '承诺书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 pledge') })
    await page.locator('[data-test=ar-file]', { hasText: '承诺书.pdf' }).waitFor()
    assert.match(await textOf(page.locator('[data-test=ar-totals]')), /5,000,000\.00/)
    await page.screenshot({ path: join(SCREENSHOTS, 'annual-report-form.png'), fullPage: true })
    await page.locator('[data-test=ar-submit]').click()
    await page.locator('[data-test=ar-form-status]', { hasText: '待审核' }).waitFor()
    await logout(page)

    // reviewer1 returns it with a reason; unit1 corrects and submits again.
    await login(page, 'reviewer1')
    await page.goto(`${BASE_URL}/annual-reports`)
    await page.locator('[data-test=ar-overdue]').waitFor()
    await page.locator('[data-test=ar-unit]', { hasText: '北京示范大学' }).first().click()
    await page.locator('[data-test=ar-step-return]').click()
    await page.locator('.el-message-box input').fill('许可合同当年到账金额未填写')
    await confirmBox(page, '退回')
    await page.locator('[data-test=ar-form-status]', { hasText: '已退回' }).waitFor()
    await logout(page)

    await login(page, 'unit1')
    await page.goto(reportUrl)
    await page.locator('[data-test=ar-form-reason]', { hasText: '到账金额' }).waitFor()
    await typeNumber(page, 'ar-row-received-1', 600000)
    await page.locator('[data-test=ar-submit]').click()
    await page.locator('[data-test=ar-form-status]', { hasText: '待审核' }).waitFor()
    await logout(page)

    await login(page, 'reviewer1')
    await page.goto(reportUrl)
    await page.locator('[data-test=ar-step-accept]').click()
    await confirmBox(page, '审核通过')
    await page.locator('[data-test=ar-form-status]', { hasText: '已审核' }).waitFor()
    await page.locator('[data-test=ar-step-forward]').click()
    await confirmBox(page, '报送市级')
    await page.locator('[data-test=ar-form-status]', { hasText: '已报送' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'annual-report-forwarded.png'), fullPage: true })
    await logout(page)

    // The operator: the year's deadlines, the statistics and the export.
    await login(page, 'operator1')
    await page.goto(`${BASE_URL}/annual-reports/statistics?year=${YEAR}`)
    await page.locator('[data-test=ar-stats-deadlines]').waitFor()
    assert.equal(await textOf(page.locator('[data-test=ar-count-forwarded] .value')), '1')
    await page.locator('[data-test=ar-mode-chart] canvas').waitFor()
    assert.match(await textOf(page.locator('[data-test=ar-mode-table]')), /5,000,000\.00/)
    assert.match(await textOf(page.locator('[data-test=ar-figure-headcount]')), /14/)
    const href = await page.locator('[data-test=ar-export-csv]').getAttribute('href')
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href)
    assert.match(csv, /北京示范大学/)
    await page.screenshot({ path: join(SCREENSHOTS, 'annual-report-statistics.png'), fullPage: true })
  })

  await withBrowser(
    async (page) => {
      await login(page, 'unit1')
      await page.goto(reportUrl)
      await page.locator('[data-test=ar-form-title]').waitFor()
      await assertNoOverflow(page, 'the report at 390 px')
      await page.screenshot({ path: join(SCREENSHOTS, 'annual-report-390.png'), fullPage: true })
      await page.goto(`${BASE_URL}/annual-reports`)
      await page.locator('[data-test=ar-list]').waitFor()
      await assertNoOverflow(page, 'the list at 390 px')
      await logout(page)
      await login(page, 'operator1')
      await page.goto(`${BASE_URL}/annual-reports/statistics?year=${YEAR}`)
      await page.locator('[data-test=ar-mode-chart] canvas').waitFor()
      await assertNoOverflow(page, 'the statistics at 390 px')
      await page.screenshot({ path: join(SCREENSHOTS, 'annual-report-statistics-390.png'), fullPage: true })
      // In English (the page's content; the header's brand is wider than a phone in English).
      await page.evaluate(() => localStorage.setItem('keyuan.locale', 'en'))
      for (const [path, shot] of [
        [`/annual-reports/statistics?year=${YEAR}`, 'annual-report-statistics-en-390.png'],
        ['/annual-reports', 'annual-reports-en-390.png'],
        [reportUrl.replace(BASE_URL, ''), 'annual-report-en-390.png'],
      ]) {
        await page.goto(`${BASE_URL}${path}`)
        await page.locator('h1').first().waitFor()
        await page.waitForLoadState('networkidle')
        await assertNoOverflow(page, `${path} in English`, '.content')
        await page.screenshot({ path: join(SCREENSHOTS, shot), fullPage: true })
      }
    },
    { width: 390, height: 844 },
  )
})

// The yearly open-sharing assessment in the web UI (issue 16), the year of "Done means": the
// operator creates 2024, tunes a target in the scheme editor and opens it; unit1 reads its score
// card (figures from its records, the records behind one, what would raise its grade) and explains;
// the operator starts the evaluation; reviewer1 (its department) adjusts one indicator with a reason
// and confirms; the operator consolidates and publishes; a visitor reads the public results; unit1
// files its rectification and reviewer1 accepts it; the operator allocates the subsidies and two
// people of the finance bureau recommend and approve. Then the pages at 390 px: nothing wider.
// A second test records a rectification by hand in another year's cycle, the unit found by name.
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import {
  BASE_URL,
  assertNoOverflow,
  confirmBox,
  SCREENSHOTS,
  apiSession,
  approvedInstrument,
  beijingDate,
  field,
  login,
  logout,
  pickOption,
  runSql,
  textOf,
  withBrowser,
} from './support.mjs'

// The year notifies unit1 and the others (opened, rectification, subsidy): the tests that follow
// (bookings) count their inbox from a clean state, as before this file ran.
after(async () => {
  for (const user of ['unit1', 'reviewer1', 'operator1', 'finance1', 'finance2']) {
    const call = await apiSession(user)
    assert.ok((await call('POST', '/notifications/read-all')).status < 300)
  }
})

const YEAR = 2024

/** unit1's instrument in scope, and a year of its deliveries and ratings in the records. */
async function aYearOfRecords() {
  const instrument = await approvedInstrument('球差校正透射电镜（评价考核）', 'ASM-TEM-1')
  const user = (name) => `(SELECT id FROM users WHERE username = '${name}')`
  const org = `(SELECT org_id FROM users WHERE username = 'unit1')`
  const client = `(SELECT org_id FROM users WHERE username = 'company1')`
  const rows = []
  for (let i = 0; i < 12; i++) {
    const day = `${YEAR}-${String(i + 1).padStart(2, '0')}-10`
    const id = 880000 + i
    rows.push(
      `INSERT INTO deliveries (id, source_kind, source_id, resource_kind, resource_id, provider_org_id, client_org_id, client_user_id, internal, service_mode, minutes_used, fee_fen, delivered_on, recorded_by, recorded_at) VALUES (${id}, 'booking', ${id}, 'instrument', ${instrument}, ${org}, ${client}, ${user('company1')}, 0, 'occupancy', 180, 60000, '${day}', ${user('unit1')}, '${day}T08:00:00Z')`,
      `INSERT INTO ratings (delivery_id, resource_kind, resource_id, provider_org_id, score, rated_by, rated_at) VALUES (${id}, 'instrument', ${instrument}, ${org}, 5, ${user('company1')}, '${day}T10:00:00Z')`,
    )
  }
  for (const sql of rows) runSql(sql)
}

async function cycleStep(page, action, button) {
  await page.goto(`${BASE_URL}/assessment`)
  const cycle = page.locator('[data-test=cycle]', { has: page.locator('[data-test=cycle-year]', { hasText: String(YEAR) }) })
  await cycle.locator(`[data-test=cycle-${action}]`).click()
  await confirmBox(page, button)
  return cycle
}

test('a year: open, review and explain, adjust and confirm, publish, rectify, allocate and approve subsidies', async () => {
  await aYearOfRecords()
  let resultUrl = ''
  await withBrowser(async (page) => {
    // The operator creates the year and tunes the scheme to the city's scale before opening it.
    await login(page, 'operator1')
    await page.locator('[data-test=nav-assessment]').click()
    await page.locator('[data-test=nav-asm-cycles]').click()
    await page.locator('[data-test=cycles-title]').waitFor()
    await page.locator('[data-test=cycle-create]').click()
    const year = field(page, 'cycle-year-input')
    await year.fill(String(YEAR))
    await year.press('Tab')
    await page.locator('[data-test=cycle-create-save]').click()
    await page.locator('[data-test=scheme-title]').waitFor()
    assert.match(await textOf(page.locator('[data-test=scheme-sum]')), /100 \/ 100/)
    // A weight that breaks the sum is named at once; put back, the scheme saves.
    const weight = field(page, 'scheme-weight')
    await weight.fill('12')
    await weight.press('Tab')
    assert.match(await textOf(page.locator('[data-test=scheme-sum]')), /102 \/ 100/)
    await weight.fill('10')
    await weight.press('Tab')
    await page.locator('[data-test=scheme-save]').click()
    await page.locator('.el-message--success').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'assessment-scheme.png'), fullPage: true })
    const cycle = await cycleStep(page, 'open', '开启')
    await cycle.locator('[data-test=cycle-status]', { hasText: '单位核对' }).waitFor()
    await page.locator('[data-test=grade-chart]').first().waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'assessment-cycles.png'), fullPage: true })
    await logout(page)

    // unit1 reads how its score was made and explains what the records cannot know.
    await login(page, 'unit1')
    await page.goto(`${BASE_URL}/assessment`)
    await page.locator('[data-test=cycle]', { hasText: String(YEAR) }).locator('[data-test=cycle-results]').click()
    await page.locator('[data-test=result-unit]').first().click()
    await page.locator('[data-test=card-title]').waitFor()
    resultUrl = page.url()
    assert.match(await textOf(page.locator('[data-test=card-rank]')), /第 1 \//)
    await page.locator('[data-test=drill-external_services]').click()
    await page.locator('[data-test=records-total]', { hasText: '共 12 条' }).waitFor()
    await page.keyboard.press('Escape')
    await page.locator('[data-test=what-if]').waitFor()
    await field(page, 'explain-text').fill('电镜于3月进行年度维护，停机两周。')
    await page.locator('[data-test=explain-send]').click()
    await page.locator('[data-test=explanation]', { hasText: '年度维护' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'assessment-card.png'), fullPage: true })
    await logout(page)

    await login(page, 'operator1')
    await cycleStep(page, 'start_evaluation', '开始部门评价')
    await logout(page)

    // reviewer1 evaluates its department's unit: an adjustment with its reason, then confirmation.
    await login(page, 'reviewer1')
    await page.goto(resultUrl)
    await page.locator('[data-test=card-adjust]').click()
    const points = field(page, 'adjust-points')
    await points.fill('1')
    await points.press('Tab')
    await field(page, 'adjust-reason').fill('开放率以年末数据核定')
    await page.locator('[data-test=adjust-save]').click()
    await page.locator('[data-test=indicator-adjustment]', { hasText: '开放率以年末数据核定' }).waitFor()
    await page.locator('[data-test=card-confirm]').click()
    await confirmBox(page, '确认')
    await page.locator('[data-test=card-confirm]').waitFor({ state: 'detached' })
    await logout(page)

    await login(page, 'operator1')
    await cycleStep(page, 'consolidate', '汇总定级')
    const published = await cycleStep(page, 'publish', '发布结果')
    await published.locator('[data-test=cycle-status]', { hasText: '已发布' }).waitFor()
    await logout(page)

    // Anyone reads the published results.
    await page.goto(`${BASE_URL}/public/assessment`)
    await page.locator('[data-test=public-title]').waitFor()
    await page.locator('[data-test=public-unit]', { hasText: '北京示范大学' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'assessment-public.png'), fullPage: true })
  })

  // A poor unit files its rectification and the department accepts it (if the year graded it poor).
  const card = await (async () => {
    let grade = ''
    await withBrowser(async (page) => {
      await login(page, 'unit1')
      await page.goto(resultUrl)
      grade = await textOf(page.locator('[data-test=card-grade]'))
      if (grade === '较差') {
        await page.goto(`${BASE_URL}/rectifications`)
        await page.locator('[data-test=rect-file]').first().click()
        await field(page, 'rect-report').fill('制定开放共享管理办法，开通全部仪器的在线预约，安排专职技术人员。')
        await page.locator('[data-test=rect-file-save]').click()
        await page.locator('[data-test=rect-status]', { hasText: '已提交' }).first().waitFor()
        await page.screenshot({ path: join(SCREENSHOTS, 'assessment-rectifications.png'), fullPage: true })
        await logout(page)
        await login(page, 'reviewer1')
        await page.goto(`${BASE_URL}/rectifications`)
        await page.locator('[data-test=rect-accept]').first().click()
        await confirmBox(page, '通过')
        await page.locator('[data-test=rect-status]', { hasText: '已通过' }).first().waitFor()
      }
    })
    return grade
  })()
  assert.ok(['优秀', '良好', '合格', '较差'].includes(card), card)

  // September: the allocation within the budget, recommended and approved by two people.
  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await page.goto(`${BASE_URL}/assessment`)
    await page.locator('[data-test=cycle]', { hasText: String(YEAR) }).locator('[data-test=cycle-subsidies]').click()
    await page.locator('[data-test=subsidy-create]').click()
    for (const [id, value] of [['subsidy-budget', 500000], ['subsidy-cap', 100000]]) {
      const input = field(page, id)
      await input.fill(String(value))
      await input.press('Tab')
    }
    await page.locator('[data-test=subsidy-save]').click()
    await page.locator('[data-test=subsidy-status]', { hasText: '待推荐' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'assessment-subsidies.png'), fullPage: true })
    const subsidies = page.url()
    await logout(page)
    await login(page, 'finance1')
    await page.goto(subsidies)
    await page.locator('[data-test=subsidy-recommend]').click()
    await confirmBox(page, '推荐')
    await page.locator('[data-test=subsidy-status]', { hasText: '待批准' }).waitFor()
    await logout(page)
    await login(page, 'finance2')
    await page.goto(subsidies)
    await page.locator('[data-test=subsidy-approve]').click()
    await confirmBox(page, '批准')
    await page.locator('[data-test=subsidy-status]', { hasText: '已批准' }).waitFor()
  })

  // On a phone: nothing wider than the screen.
  await withBrowser(
    async (page) => {
      await page.goto(`${BASE_URL}/public/assessment`)
      await page.locator('[data-test=public-unit]').first().waitFor()
      await assertNoOverflow(page, 'public results')
      await page.screenshot({ path: join(SCREENSHOTS, 'assessment-public-390.png'), fullPage: true })
      await login(page, 'unit1')
      await page.goto(resultUrl)
      await page.locator('[data-test=card-title]').waitFor()
      await assertNoOverflow(page, 'score card')
      await page.screenshot({ path: join(SCREENSHOTS, 'assessment-card-390.png'), fullPage: true })
    },
    { width: 390, height: 844 },
  )
})

/** Types a date into the date picker of a dialog's field; not support's fillDate, whose Escape
 * would close the dialog as well as the picker. */
async function typeDate(dialog, name, value) {
  const input = dialog.locator(`[data-field=${name}] input`)
  await input.fill(value)
  await input.press('Enter')
  await dialog.locator('.el-dialog__title').click()
}

test("the operator records a rectification by hand: the unit found by name, its own deadline, refused at the field when it is not after today", async () => {
  // Another year's cycle, opened through the API: unit1's organisation is in scope (its instrument)
  // and has no rectification in it yet.
  const operator = await apiSession('operator1')
  const created = await operator('POST', '/assessment-cycles', { year: YEAR - 1 })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const opened = await operator('POST', `/assessment-cycles/${created.body.id}/open`, {})
  assert.equal(opened.status, 200, JSON.stringify(opened.body))
  const due = beijingDate(45)

  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await page.goto(`${BASE_URL}/rectifications`)
    await page.locator('[data-test=rect-create]').click()
    const dialog = page.locator('[data-test=rect-create-dialog]')
    await pickOption(page, 'rect-create-cycle', String(YEAR - 1))
    await pickOption(page, 'rect-create-org', '北京示范大学', '示范')
    await field(page, 'rect-create-reasons').fill('仪器未开通在线预约\n未按时登记新购仪器')
    await typeDate(dialog, 'due_on', beijingDate(0))
    await dialog.locator('[data-test=rect-create-save]').click()
    // Today is not after today: the server's message at the deadline, the dialog still open.
    await dialog.locator('[data-field=due_on] .el-form-item__error', { hasText: '须晚于今天' }).waitFor()
    await typeDate(dialog, 'due_on', due)
    await dialog.locator('[data-test=rect-create-save]').click()
    await dialog.waitFor({ state: 'hidden' })

    // Only that year's: the unit with both reasons, required by the chosen date.
    await pickOption(page, 'rect-filter-cycle', String(YEAR - 1))
    await page.waitForURL(/cycle_id=/)
    const row = page.locator('[data-test=rect-list] .el-table__row', { hasText: '北京示范大学' })
    await row.locator('[data-test=rect-status]', { hasText: '待整改' }).waitFor()
    assert.equal(await page.locator('[data-test=rect-list] .el-table__row').count(), 1)
    const text = await textOf(row)
    assert.ok(text.includes('仪器未开通在线预约') && text.includes('未按时登记新购仪器'), text)
    assert.ok(text.includes(due), `${text} has no ${due}`)
    await page.screenshot({ path: join(SCREENSHOTS, 'assessment-rectification-manual.png'), fullPage: true })
    // The state filter comes from the URL as well: none accepted in that year.
    await pickOption(page, 'rect-filter-status', '已通过')
    await page.waitForURL(/status=accepted/)
    await page.locator('[data-test=rect-list] .el-table__empty-text').waitFor()
  })

  // On a phone: the filters wrap, the table scrolls in its box.
  await withBrowser(
    async (page) => {
      await login(page, 'operator1')
      // From the board: the published year's rectifications, only that year's.
      await page.goto(`${BASE_URL}/assessment`)
      const published = page.locator('[data-test=cycle]', { has: page.locator('[data-test=cycle-year]', { hasText: String(YEAR) }) })
      await published.locator('[data-test=cycle-rectifications]').click()
      await page.waitForURL(/\/rectifications\?cycle_id=/)
      await page.locator('[data-test=rect-list]').waitFor()
      assert.equal(await page.locator('[data-test=rect-list] .el-table__row', { hasText: String(YEAR - 1) }).count(), 0)
      await page.goto(`${BASE_URL}/rectifications?cycle_id=${created.body.id}`)
      await page.locator('[data-test=rect-list] .el-table__row', { hasText: '北京示范大学' }).waitFor()
      await assertNoOverflow(page, 'rectifications')
      await page.screenshot({ path: join(SCREENSHOTS, 'assessment-rectifications-390.png'), fullPage: true })
    },
    { width: 390, height: 844 },
  )
})

// Purchase duplicate checks in the web UI (issue 17 §C7): unit1 files a required check (its empty
// form refused with each field named), with three quotes and a quote file, sees its own saturated
// instrument among the similar ones, and submits; reviewer1 (its department) is not offered the
// expert of unit1's own organisation, assigns three others and starts the review, and cannot decide
// before they have scored; each expert scores from 我的评审任务; reviewer1 recommends the purchase
// with the rules' basis; unit1 reads the decision and the opinions, numbered. The pages at 390 px.
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, apiSession, approvedInstrument, assertNoOverflow, field, login, logout, pickOption, runSql, textOf, withBrowser } from './support.mjs'

// Decisions, returns and assignments notify unit1, reviewer1 and the experts: the tests after this one
// count inboxes from a clean state.
after(async () => {
  for (const user of ['unit1', 'reviewer1', 'pcexpert1', 'pcexpert2', 'pcexpert3']) {
    const call = await apiSession(user)
    assert.ok((await call('POST', '/notifications/read-all')).status < 300)
  }
})

const NAME = '场发射扫描电子显微镜（购置查重）'
const EXPERTS = { pcexpert1: [36, 26, 27], pcexpert2: [32, 24, 25], pcexpert3: [30, 22, 20] }

/** unit1's own electron microscope, used 1,300 hours last year: saturated at the default 1,200. */
async function aSaturatedInstrument() {
  const id = await approvedInstrument('热场发射扫描电子显微镜（查重对照）', 'SIGMA 300')
  const lastYear = new Date().getFullYear() - 1
  const user = (name) => `(SELECT id FROM users WHERE username = '${name}')`
  const org = `(SELECT org_id FROM users WHERE username = 'unit1')`
  const client = `(SELECT org_id FROM users WHERE username = 'company1')`
  runSql(
    `INSERT INTO deliveries (id, source_kind, source_id, resource_kind, resource_id, provider_org_id, client_org_id, client_user_id, internal, service_mode, minutes_used, fee_fen, delivered_on, recorded_by, recorded_at) VALUES (890001, 'booking', 890001, 'instrument', ${id}, ${org}, ${client}, ${user('company1')}, 0, 'occupancy', 78000, 60000, '${lastYear}-06-10', ${user('unit1')}, '${lastYear}-06-10T08:00:00Z')`,
  )
}

async function confirmBox(page) {
  await page.locator('.el-message-box .el-button--primary').click()
}

async function openCheck(page) {
  await page.goto(`${BASE_URL}/purchase-checks`)
  await page.locator('[data-test=pc-link]', { hasText: NAME }).click()
  await page.locator('[data-test=pc-name]', { hasText: NAME }).waitFor()
}

async function fillCheck(page) {
  await field(page, 'pc-name').fill(NAME)
  await pickOption(page, 'pc-class', '0101', '0101')
  await field(page, 'pc-model').fill('GeminiSEM 560')
  await field(page, 'pc-manufacturer').fill('Zeiss')
  await field(page, 'pc-key_specs').fill('分辨率 0.7 nm @ 15 kV，放大倍数 12–2,000,000')
  await field(page, 'pc-budget').fill('3,200,000')
  await pickOption(page, 'pc-funding', '中央财政')
  await field(page, 'pc-purpose').fill('纳米材料表征')
  await field(page, 'pc-hours').fill('1600')
  await field(page, 'pc-why_not_existing').fill('本单位现有扫描电镜上年有效机时 1300 小时，已饱和')
  for (let i = 0; i < 3; i++) {
    await page.locator('[data-test=pc-quote-add]').click()
    const row = page.locator(`[data-test=pc-quote-${i}]`)
    await row.locator('[data-test=pc-quote-supplier]').fill(`供应商${i + 1}`)
    await row.locator('[data-test=pc-quote-model]').fill('GeminiSEM 560')
    await row.locator('[data-test=pc-quote-price]').fill(i === 1 ? '' : String(3_100_000 + i * 50_000))
  }
}

test('a unit files a required check, the department assigns three experts, they score, the department recommends, the unit reads it', async () => {
  await aSaturatedInstrument()
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.locator('[data-test=nav-purchase-checks]').click()
    await page.locator('[data-test=pc-create]').click()
    // Nothing filled: every required field named at its place.
    await page.locator('[data-test=pc-save]').click()
    await page.locator('[data-test=pc-form-error]').waitFor()
    for (const f of ['name', 'budget', 'funding']) {
      await page.locator('.el-form-item.is-error', { has: page.locator(`[data-test=pc-${f}]`) }).waitFor()
    }
    await fillCheck(page)
    assert.match(await textOf(page.locator('[data-test=pc-required-hint]')), /须查重/)
    // The second quote has no price: the server names quotes[1].price_fen, shown in its row.
    await page.locator('[data-test=pc-save]').click()
    await page.locator('[data-test=pc-quote-1] .el-form-item.is-error').waitFor()
    await page.locator('[data-test=pc-quote-1] [data-test=pc-quote-price]').fill('3150000')
    await page.locator('[data-test=pc-save]').click()
    await page.locator('[data-test=pc-name]', { hasText: NAME }).waitFor()
    assert.equal(await textOf(page.locator('[data-test=pc-state]')), '草稿')
    assert.match(await textOf(page.locator('[data-test=pc-budget-shown]')), /3,200,000\.00 元/)

    // Editing a copy someone changed since (another tab, through the API): refused, not overwritten.
    const checkId = new URL(page.url()).pathname.split('/').pop()
    await page.locator('[data-test=pc-edit]').click()
    await field(page, 'pc-discipline').fill('材料科学')
    const unit = await apiSession('unit1')
    const version = (await unit('GET', `/purchase-checks/${checkId}`)).body.version
    const other = await unit('PATCH', `/purchase-checks/${checkId}`, { purpose: '纳米材料与器件表征', version })
    assert.equal(other.status, 200, JSON.stringify(other.body))
    await page.locator('[data-test=pc-save]').click()
    assert.match(await textOf(page.locator('[data-test=pc-form-error]')), /已被他人修改/)
    await page.reload()
    await field(page, 'pc-discipline').fill('材料科学')
    await page.locator('[data-test=pc-save]').click()
    await page.locator('[data-test=pc-name]', { hasText: NAME }).waitFor()
    assert.match(await textOf(page.locator('[data-test=pc-facts]')), /材料科学.*纳米材料与器件表征|纳米材料与器件表征.*材料科学/)

    // The similar instruments, live: unit1's own microscope, of its own unit, saturated.
    const own = page.locator('[data-test=pc-similar-table] .el-table__row', { hasText: '热场发射扫描电子显微镜（查重对照）' })
    assert.match(await textOf(own), /本单位/)
    assert.match(await textOf(own), /1,300/)
    await own.locator('[data-test=pc-saturated]').waitFor()

    // A quote file, uploaded through the file chooser.
    await pickOption(page, 'file-purpose', '报价单')
    const chooser = page.waitForEvent('filechooser')
    await page.locator('[data-test=file-upload]').click()
    await (await chooser).setFiles({ name: '报价单-供应商1.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
    await page.locator('[data-test=file-download]', { hasText: '报价单-供应商1.pdf' }).waitFor()

    await page.locator('[data-test=pc-action-submit]').click()
    await confirmBox(page)
    await page.locator('[data-test=pc-state]', { hasText: '已提交' }).waitFor()
    await page.locator('[data-test=pc-similar-frozen]', { hasText: '冻结' }).waitFor()
    assert.equal(await page.locator('[data-test=file-upload]').count(), 0, 'no upload after submission')
    await page.locator('[data-test=panel-hidden]').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'purchase-check-submitted-1366.png'), fullPage: true })
    await logout(page)

    await login(page, 'reviewer1')
    await openCheck(page)
    await page.locator('[data-test=panel-assign]').click()
    const dialog = page.locator('[data-test=assign-dialog]')
    await dialog.locator('[data-test=assign-expert-name]', { hasText: 'pcexpert1' }).waitFor()
    assert.equal(await dialog.locator('[data-test=assign-expert-name]', { hasText: 'pcexpert_own' }).count(), 0, 'the expert of the applying unit is not offered')
    for (const name of Object.keys(EXPERTS)) {
      await dialog.locator('.el-table__row', { has: page.locator('[data-test=assign-expert-name]', { hasText: name }) }).locator('.el-checkbox').click()
    }
    await dialog.locator('[data-test=assign-save]').click()
    await page.locator('[data-test=panel-expert]').nth(2).waitFor()
    await page.locator('[data-test=pc-action-start_review]').click()
    await confirmBox(page)
    await page.locator('[data-test=pc-state]', { hasText: '评审中' }).waitFor()
    // Deciding before the experts have scored: refused, said in the dialog.
    await page.locator('[data-test=pc-action-recommend]').click()
    await page.locator('[data-test=pc-basis-comparables_saturated]').click()
    await field(page, 'pc-decide-reason').fill('同类仪器机时饱和')
    await page.locator('[data-test=pc-decide-save]').click()
    assert.match(await textOf(page.locator('[data-test=pc-decide-error]')), /专家评审未完成/)
    await page.keyboard.press('Escape')
    await logout(page)

    for (const [expert, points] of Object.entries(EXPERTS)) {
      await login(page, expert)
      await page.locator('[data-test=nav-expert-assignments]').click()
      await page.locator('[data-test=assignment-link]', { hasText: NAME }).click()
      await page.locator('[data-test=scoring-form]').waitFor()
      await field(page, 'score-necessity').fill(String(points[0]))
      await field(page, 'score-relevance').fill(String(points[1]))
      await field(page, 'score-reasonableness').fill(String(points[2]))
      await pickOption(page, 'score-recommendation', '建议购置')
      await field(page, 'score-opinion').fill(`${expert}：同类仪器机时已饱和，购置必要，配置合理。`)
      await page.locator('[data-test=score-submit]').click()
      await page.locator('[data-test=panel-status]', { hasText: '已评审' }).waitFor()
      assert.equal(await textOf(page.locator('[data-test=panel-total]')), String(points[0] + points[1] + points[2]))
      assert.equal(await page.locator('[data-test=panel-expert]').count(), 1, 'an expert sees only their own opinion')
      await logout(page)
    }

    await login(page, 'reviewer1')
    await openCheck(page)
    assert.equal(await textOf(page.locator('[data-test=panel-average]')), '80.7')
    await page.locator('[data-test=pc-action-recommend]').click()
    await page.locator('[data-test=pc-basis-comparables_saturated]').click()
    await field(page, 'pc-decide-reason').fill('本单位同类仪器机时饱和，专家一致建议购置')
    await page.locator('[data-test=pc-decide-save]').click()
    await page.locator('[data-test=pc-state]', { hasText: '推荐购置' }).waitFor()
    await logout(page)

    await login(page, 'unit1')
    await openCheck(page)
    assert.match(await textOf(page.locator('[data-test=pc-decision-basis]')), /同类仪器机时饱和/)
    assert.match(await textOf(page.locator('[data-test=pc-decision-reason]')), /专家一致建议购置/)
    assert.match(await textOf(page.locator('[data-test=pc-decision-summary]')), /3 \/ 3|3 of 3/)
    assert.deepEqual(await page.locator('[data-test=panel-expert]').allInnerTexts(), ['专家 1', '专家 2', '专家 3'])
    assert.match(await textOf(page.locator('[data-test=panel-opinion]').first()), /购置必要/)
    await page.locator('[data-test=pc-link-form]').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'purchase-check-decided-1366.png'), fullPage: true })
  })
})

test('the department returns a check with a reason; the unit reads it on the page and from its inbox', async () => {
  const unit = await apiSession('unit1')
  const created = await unit('POST', '/purchase-checks', { name: '台式X射线衍射仪（退回）', class_code: '0101', budget_fen: 50_000_000, funding_source: 'own' })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const id = created.body.id
  assert.equal((await unit('POST', `/purchase-checks/${id}/submit`, {})).status, 200)
  await withBrowser(async (page) => {
    await login(page, 'reviewer1')
    await page.goto(`${BASE_URL}/purchase-checks/${id}`)
    await page.locator('[data-test=pc-required]', { hasText: '自愿备案' }).waitFor()
    // An expert assigned, then withdrawn before scoring (declined): kept in the table as withdrawn.
    await page.locator('[data-test=panel-assign]').click()
    const dialog = page.locator('[data-test=assign-dialog]')
    await dialog.locator('.el-table__row', { has: page.locator('[data-test=assign-expert-name]', { hasText: 'pcexpert2' }) }).locator('.el-checkbox').click()
    await dialog.locator('[data-test=assign-save]').click()
    await page.locator('[data-test=panel-status]', { hasText: '待评审' }).waitFor()
    await page.locator('[data-test=panel-withdraw]').click()
    await confirmBox(page)
    await page.locator('[data-test=panel-status]', { hasText: '已撤回' }).waitFor()
    assert.equal(await page.locator('[data-test=panel-withdraw]').count(), 0)
    await page.locator('[data-test=pc-action-return]').click()
    await page.locator('.el-message-box input').fill('请补充用途与开放共享计划')
    await confirmBox(page)
    await page.locator('[data-test=pc-state]', { hasText: '已退回' }).waitFor()
    await logout(page)
    await login(page, 'unit1')
    await page.goto(`${BASE_URL}/inbox`)
    const notice = page.locator('[data-test=inbox-item]', { hasText: '购置查重被退回：台式X射线衍射仪（退回）' })
    assert.match(await textOf(notice), /理由：请补充用途与开放共享计划/)
    await notice.click()
    await page.locator('[data-test=pc-name]', { hasText: '台式X射线衍射仪（退回）' }).waitFor()
    assert.match(await textOf(page.locator('[data-test=pc-reason]')), /请补充用途与开放共享计划/)
    // Returned: the unit edits and may submit again, or withdraw.
    await page.locator('[data-test=pc-edit]').waitFor()
    await page.locator('[data-test=pc-action-submit]').waitFor()
    await page.locator('[data-test=pc-action-withdraw]').waitFor()
  })
})

test('the purchase-check pages fit a phone', async () => {
  await withBrowser(
    async (page) => {
      await login(page, 'unit1')
      await page.goto(`${BASE_URL}/purchase-checks`)
      await page.locator('[data-test=pc-link]', { hasText: NAME }).waitFor()
      await assertNoOverflow(page, 'list')
      await page.screenshot({ path: join(SCREENSHOTS, 'purchase-checks-390.png'), fullPage: true })
      await page.locator('[data-test=pc-link]', { hasText: NAME }).click()
      await page.locator('[data-test=expert-panel]').waitFor()
      await assertNoOverflow(page, 'check')
      // Each opinion is in sight on the phone (the panel's table put it beyond the right edge).
      const opinion = page.locator('[data-test=panel-opinion]').first()
      await opinion.waitFor()
      const box = await opinion.boundingBox()
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the opinion is within the 390 px: ${JSON.stringify(box)}`)
      await page.screenshot({ path: join(SCREENSHOTS, 'purchase-check-390.png'), fullPage: true })
      // In English too: the list and the check (the page's content; the header's brand is wider than a phone in English).
      const checkUrl = page.url()
      await page.evaluate(() => localStorage.setItem('keyuan.locale', 'en'))
      await page.goto(`${BASE_URL}/purchase-checks`)
      await page.locator('[data-test=pc-link]', { hasText: NAME }).waitFor()
      await page.waitForLoadState('networkidle')
      await assertNoOverflow(page, 'list in English', '.content')
      await page.screenshot({ path: join(SCREENSHOTS, 'purchase-checks-en-390.png'), fullPage: true })
      await page.goto(checkUrl)
      await page.locator('[data-test=panel-opinion]').first().waitFor()
      await page.waitForLoadState('networkidle')
      await assertNoOverflow(page, 'check in English', '.content')
      await page.screenshot({ path: join(SCREENSHOTS, 'purchase-check-en-390.png'), fullPage: true })
      await page.evaluate(() => localStorage.setItem('keyuan.locale', 'zh'))
      await page.goto(`${BASE_URL}/purchase-checks/new`)
      await page.locator('[data-test=pc-quote-add]').click()
      await assertNoOverflow(page, 'form')
      await page.screenshot({ path: join(SCREENSHOTS, 'purchase-check-form-390.png'), fullPage: true })
      await logout(page)
      await login(page, 'pcexpert1')
      await page.goto(`${BASE_URL}/expert-assignments?status=all`)
      await page.locator('[data-test=assignment-link]', { hasText: NAME }).waitFor()
      await assertNoOverflow(page, 'assignments')
      await page.screenshot({ path: join(SCREENSHOTS, 'expert-assignments-390.png'), fullPage: true })
    },
    { width: 390, height: 844 },
  )
})

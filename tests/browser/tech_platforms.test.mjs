// Common technology platforms in the web UI (issue 17 §C9, seed 001): unit1 writes the construction
// plan (every missing field shown at its field) and submits it; district1 (海淀区) recommends it;
// operator1 records a passed site check; unit1 revises the plan (version 2); operator1 starts the
// panel and admits it (the label "北京市共性技术平台" for three years) and opens the first yearly
// assessment with figures from the records; unit1 files the self-report; operator1 orders a
// rectification (its deadline shown) and then continues it; everyone sees the platform in the public
// directory. Screenshots at 1366 and 390 px wide.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, apiSession, assertNoOverflow, approvedInstrument, field, login, logout, pickOption, textOf, withBrowser } from './support.mjs'

const NAME = '智能网联共性技术平台'
const INSTRUMENT = '车规级芯片测试系统'
const TEXTS = ['positioning', 'goals', 'tasks', 'support_measures', 'organisation', 'mechanism', 'site', 'team', 'openness']

/** Opens the application named NAME from the header's menu. */
async function openPlatform(page) {
  await page.locator('[data-test=nav-tech-platforms]').click()
  await page.locator('[data-test=nav-tp-applications]').click()
  await page.waitForURL(/\/tech-platforms/)
  await page.locator('[data-test=tp-name]', { hasText: NAME }).first().click()
  await page.locator('[data-test=tp-detail-title]', { hasText: NAME }).waitFor()
}

/** The panel through the panels service's API: operator1 assigns expert1–3, each scores every criterion. */
async function panel(path, criteria) {
  const op = await apiSession('operator1')
  const users = (await op('GET', '/users?role=expert&page_size=200')).body.items
  const ids = ['expert1', 'expert2', 'expert3'].map((name) => users.find((u) => u.username === name).id)
  const assigned = await op('POST', `${path}/experts`, { expert_user_ids: ids })
  assert.equal(assigned.status, 201, JSON.stringify(assigned.body))
  for (const name of ['expert1', 'expert2', 'expert3']) {
    const expert = await apiSession(name)
    const scores = Object.fromEntries(criteria.map((c) => [c, 80]))
    const r = await expert('POST', `${path}/reviews`, { scores, opinion: '论证充分，方案可行，建议支持' })
    assert.ok(r.status < 300, JSON.stringify(r.body))
  }
}

async function status(page, text) {
  await page.locator('[data-test=tp-detail-status]', { hasText: text }).waitFor()
}

test('a platform from plan to label to its first yearly assessment, and the public directory', async () => {
  await approvedInstrument(INSTRUMENT, 'CT-9000')
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.locator('[data-test=nav-tech-platforms]').click()
    await page.locator('[data-test=nav-tp-applications]').click()
    await page.locator('[data-test=tp-title]', { hasText: '我的平台申请' }).waitFor()
    await page.locator('[data-test=tp-new]').click()
    await page.locator('[data-test=tp-form]').waitFor()
    await page.locator('[data-test=tp-save]').click()
    for (const name of ['name', 'field_id', ...TEXTS]) await page.locator(`[data-field=${name}].is-error`).waitFor()
    await field(page, 'f-name').fill(NAME)
    await pickOption(page, 'f-field_id', '新能源智能汽车')
    for (const name of TEXTS) await field(page, `f-${name}`).fill(`${NAME}的${name}`)
    await pickOption(page, 'f-instrument_ids', INSTRUMENT)
    await page.keyboard.press('Escape')
    await page.screenshot({ path: join(SCREENSHOTS, 'tech-platform-form.png'), fullPage: true })
    await page.locator('[data-test=tp-save]').click()
    await status(page, '草稿')
    await page.locator('[data-test=tp-submit]').click()
    await status(page, '待区推荐')
    await logout(page)

    await login(page, 'district1')
    await openPlatform(page)
    await page.locator('[data-test=tp-recommend]').click()
    await status(page, '待现场核查')
    await logout(page)

    await login(page, 'operator1')
    await openPlatform(page)
    await page.locator('[data-test=tp-site-check]').click()
    const dialog = page.locator('[data-test=site-check-dialog]')
    await dialog.locator('[data-test=site-save]').click()
    await dialog.locator('[data-field=findings].is-error').waitFor()
    await field(page, 'site-findings').fill('场地、设备与方案相符；运营团队需充实')
    await dialog.locator('[data-test=site-save]').click()
    await status(page, '现场核查通过')
    await logout(page)

    // The unit revises the plan as the findings ask: version 2.
    await login(page, 'unit1')
    await openPlatform(page)
    await page.locator('[data-test=tp-edit]').click()
    await field(page, 'f-team').fill('技术团队 30 人，运营团队 12 人（按核查意见充实）')
    await page.locator('[data-test=tp-save]').click()
    await page.locator('[data-test=tp-plan-team]', { hasText: '运营团队 12 人' }).waitFor()
    assert.match(await textOf(page.locator('h2', { hasText: '建设方案' })), /v2/)
    await logout(page)

    await login(page, 'operator1')
    await openPlatform(page)
    await page.locator('[data-test=tp-start-panel]').click()
    await status(page, '专家论证')
    const platformId = page.url().match(/tech-platforms\/(\d+)/)[1]
    await panel(`/tech-platforms/${platformId}`, ['technology', 'industry', 'transfer', 'management'])
    // The operator reads the panel on the page (the panels module's component): three opinions, the average.
    await page.reload()
    await page.locator('[data-test=panel-average]', { hasText: '320' }).waitFor()
    assert.equal(await page.locator('[data-test=panel-opinion]').count(), 3)
    await page.locator('[data-test=tp-admit]').click()
    await status(page, '已纳入')
    assert.match(await textOf(page.locator('[data-test=tp-label]')), /北京市共性技术平台.*有效/)
    await page.locator('[data-test=tp-open-assessment]').click()
    await page.locator('[data-test=tpa-status]', { hasText: '待自评' }).waitFor()
    assert.equal(await textOf(page.locator('[data-test=tpa-figure-platform_instruments]')), '1')
    await logout(page)

    await login(page, 'unit1')
    await openPlatform(page)
    await page.locator('[data-test=tp-assessment-link]').first().click()
    await page.locator('[data-test=tpa-report]').click()
    await page.locator('.el-form-item.is-error').first().waitFor()
    await field(page, 'tpa-report-text').fill('本年度对外服务 42 次，孵化企业 3 家')
    await page.locator('[data-test=tpa-report]').click()
    await page.locator('[data-test=tpa-status]', { hasText: '已自评' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'tech-platform-assessment.png'), fullPage: true })
    const assessmentUrl = page.url()
    await logout(page)

    await login(page, 'operator1')
    await page.goto(assessmentUrl)
    await page.locator('[data-test=tpa-start-panel]').click()
    await page.locator('[data-test=tpa-status]', { hasText: '专家评审' }).waitFor()
    const assessmentId = page.url().match(/tech-platform-assessments\/(\d+)/)[1]
    await panel(`/tech-platform-assessments/${assessmentId}`, ['facilities', 'teams', 'mechanism', 'rnd_services', 'industry_support'])
    await field(page, 'tpa-rectify-reason').fill('对外服务占比偏低')
    await page.locator('[data-test=tpa-rectify]').click()
    await page.locator('[data-test=tpa-status]', { hasText: '整改中' }).waitFor()
    assert.match(await textOf(page.locator('[data-test=tpa-rectify-due]')), /^\d{4}-\d{2}-\d{2}$/)
    await page.locator('[data-test=tpa-continue]').click()
    await page.locator('[data-test=tpa-status]', { hasText: '继续纳入' }).waitFor()
    await logout(page)

    await page.goto(`${BASE_URL}/public/tech-platforms`)
    await page.locator('[data-test=tpp-item]', { hasText: NAME }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'tech-platforms-public-1366.png'), fullPage: true })
  })
  await withBrowser(
    async (page) => {
      await page.goto(`${BASE_URL}/public/tech-platforms`)
      const card = page.locator('[data-test=tpp-item]', { hasText: NAME })
      await card.waitFor()
      assert.match(await textOf(card), /新能源智能汽车.*海淀区/)
      await page.screenshot({ path: join(SCREENSHOTS, 'tech-platforms-public-390.png'), fullPage: true })
      await login(page, 'unit1')
      await page.goto(`${BASE_URL}/tech-platforms`)
      await page.locator('[data-test=tp-name]', { hasText: NAME }).first().click()
      await page.locator('[data-test=tp-detail-title]', { hasText: NAME }).waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'tech-platform-detail-390.png'), fullPage: true })
      // In English (the page's content; the header's brand is wider than a phone in English).
      const detailUrl = page.url()
      await page.evaluate(() => localStorage.setItem('keyuan.locale', 'en'))
      for (const [url, shot] of [
        [detailUrl, 'tech-platform-detail-en-390.png'],
        [`${BASE_URL}/tech-platforms`, 'tech-platforms-en-390.png'],
        [`${BASE_URL}/public/tech-platforms`, 'tech-platforms-public-en-390.png'],
      ]) {
        await page.goto(url)
        await page.locator('h1').first().waitFor()
        await page.waitForLoadState('networkidle')
        await assertNoOverflow(page, `${url} in English`, '.content')
        await page.screenshot({ path: join(SCREENSHOTS, shot), fullPage: true })
      }
    },
    { width: 390, height: 844 },
  )
})

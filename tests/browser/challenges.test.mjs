// Open challenges (揭榜挂帅) in the web UI (issue 18 §1, §7): operator1 writes a challenge (every missing
// field shown at its field) and publishes it; a visitor sees it in the public list with its countdown;
// unit1 takes the list with a proposal (its missing fields shown first) and finds it under 我的揭榜;
// company1 applies too (API); operator1 closes it, starts the review, assigns one panel to both
// applications at once, the experts score every application (API, the panels service), operator1 chooses unit1 on the page, sets a milestone and
// starts the work; unit1 reports the milestone done; operator1 confirms it and accepts (验收通过).
// Screenshots at 1366 and 390 px wide.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, apiSession, assertNoOverflow, beijingDate, field, fillDate, login, logout, textOf, withBrowser } from './support.mjs'

const TITLE = '国产高端医疗影像探测器攻关'

const PROPOSAL = {
  approach: '新型半导体材料与自研读出电路，分三阶段攻关',
  team: [{ name: '王工', title: '高级工程师', role: '负责人' }],
  budget_fen: 200_000_000,
  schedule: '第 1–12 月样机，第 13–24 月定型',
  expected_results: '样机 2 台，发明专利 3 项',
  contact_name: '王工',
  contact_phone: '13900002222',
}

async function status(page, text) {
  await page.locator('[data-test=ch-detail-status]', { hasText: text }).waitFor()
}

async function openChallenge(page) {
  await page.goto(`${BASE_URL}/challenges`)
  await page.locator('[data-test=ch-link]', { hasText: TITLE }).first().click()
  await page.locator('[data-test=ch-detail-title]', { hasText: TITLE }).waitFor()
}

/** expert1–3 score every application (API, the panels service), `points` on every criterion. */
async function scores(applicationIds, points) {
  for (const app of applicationIds) {
    for (const name of ['expert1', 'expert2', 'expert3']) {
      const expert = await apiSession(name)
      const scores = { approach: points, team: points, feasibility: points, benefit: points }
      const r = await expert('POST', `/challenge-applications/${app}/reviews`, { scores, opinion: '方案可行，团队可靠，建议支持' })
      assert.ok(r.status < 300, JSON.stringify(r.body))
    }
  }
}

test('a challenge from the publisher’s draft through applications, panel and award to acceptance', async () => {
  let challengeId = ''
  let unitApplication = ''
  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await page.locator('[data-test=nav-tech-market]').click()
    await page.locator('[data-test=nav-ch-manage]').click()
    await page.locator('[data-test=ch-title]', { hasText: '发榜管理' }).waitFor()
    await page.locator('[data-test=ch-new]').click()
    await page.locator('[data-test=ch-form]').waitFor()
    await page.locator('[data-test=ch-save]').click()
    for (const name of ['title', 'problem', 'requirements', 'reward_fen', 'application_deadline', 'contact_name', 'contact_phone']) {
      await page.locator(`[data-field=${name}].is-error`).waitFor()
    }
    await field(page, 'f-title').fill(TITLE)
    await field(page, 'f-problem').fill('高端医疗影像设备核心探测器长期依赖进口，需突破国产化关键技术')
    await field(page, 'f-requirements').fill('探测器分辨率不低于 0.2 mm\n连续运行 2000 小时无故障')
    await field(page, 'f-reward').fill('5000000')
    await fillDate(page, 'application_deadline', beijingDate(10))
    await field(page, 'f-split').fill('签约 30%，中期 30%，验收 40%')
    await field(page, 'f-contact-name').fill('刘老师')
    await field(page, 'f-contact-phone').fill('010-66668888')
    await page.screenshot({ path: join(SCREENSHOTS, 'challenge-form.png'), fullPage: true })
    await page.locator('[data-test=ch-save]').click()
    await status(page, '草稿')
    challengeId = page.url().match(/challenges\/(\d+)/)[1]
    await page.locator('[data-test=ch-publish]').click()
    await status(page, '揭榜中')
    assert.match(await textOf(page.locator('[data-test=ch-detail-reward]')), /5,000,000\.00 元/)
    await logout(page)

    // Public: the list with the countdown, no login.
    await page.goto(`${BASE_URL}/challenges`)
    const card = page.locator('[data-test=ch-item]', { hasText: TITLE })
    await card.waitFor()
    assert.match(await textOf(card.locator('[data-test=ch-countdown]')), /剩余 10 天/)
    await page.screenshot({ path: join(SCREENSHOTS, 'challenges-public-1366.png'), fullPage: true })

    // unit1 takes the list; the proposal's missing fields are named first.
    await login(page, 'unit1')
    await openChallenge(page)
    await page.locator('[data-test=ch-apply]').click()
    const dialog = page.locator('[data-test=ch-apply-dialog]')
    await dialog.locator('[data-test=ch-apply-dialog-save]').click()
    for (const name of ['approach', 'team', 'budget_fen', 'schedule', 'expected_results']) {
      await dialog.locator(`[data-field=${name}].is-error`).waitFor()
    }
    await field(page, 'a-approach').fill('采用碲锌镉探测材料与自研低噪声读出电路，分三阶段攻关')
    await field(page, 'a-team').fill('李明，教授，负责人\n赵强，副研究员，电路设计')
    await field(page, 'a-budget').fill('3000000')
    await field(page, 'a-schedule').fill('第 1–8 月样机，第 9–16 月测试，第 17–24 月定型')
    await field(page, 'a-expected').fill('国产探测器样机 2 台，发明专利 3 项')
    await field(page, 'a-contact-name').fill('李明')
    await field(page, 'a-contact-phone').fill('13800001111')
    await dialog.locator('[data-test=ch-apply-dialog-save]').click()
    await page.locator('[data-test=cha-detail-status]', { hasText: '已揭榜' }).waitFor()
    unitApplication = page.url().match(/challenge-applications\/(\d+)/)[1]
    await page.locator('[data-test=nav-tech-market]').click()
    await page.locator('[data-test=nav-ch-mine]').click()
    await page.locator('[data-test=cha-link]', { hasText: TITLE }).waitFor()
    await logout(page)

    const company = await apiSession('company1')
    const other = await company('POST', `/challenges/${challengeId}/applications`, PROPOSAL)
    assert.equal(other.status, 201, JSON.stringify(other.body))

    // operator1: close, review (the panels through the API), choose unit1, a milestone, start.
    await login(page, 'operator1')
    await openChallenge(page)
    await page.locator('[data-test=ch-close]').click()
    await status(page, '已截止')
    await page.locator('[data-test=ch-start-review]').click()
    await status(page, '专家评审')
    // One panel for both applications, assigned once on the page; the experts score through the API.
    await page.locator('[data-test=ch-assign-all]').click()
    await page.locator('[data-test=ch-assign-experts]').click()
    const dropdown = page.locator('.el-select-dropdown:visible')
    for (const name of ['expert1', 'expert2', 'expert3']) await dropdown.getByText(name, { exact: true }).click()
    await page.locator('[data-test=ch-assign-dialog] .el-dialog__header').click() // closes the dropdown
    await page.locator('[data-test=ch-assign-save]').click()
    await page.locator('[data-test=ch-assign-dialog]').waitFor({ state: 'hidden' })
    await scores([unitApplication, other.body.id], 80)
    await page.reload()
    await page.locator('[data-test=ch-award]').click()
    const award = page.locator('[data-test=ch-award-dialog]')
    await award.locator(`[data-test=award-${unitApplication}]`).click()
    await field(page, 'award-reason').fill('技术方案最优，综合评分第一')
    await award.locator('[data-test=ch-award-dialog-save]').click()
    await status(page, '已定揭榜方')
    await field(page, 'ms-name').fill('样机研制完成')
    await fillDate(page, 'due_on', beijingDate(240))
    await field(page, 'ms-amount').fill('1500000')
    await page.locator('[data-test=ms-add]').click()
    await page.locator('[data-test=ms-title]', { hasText: '样机研制完成' }).waitFor()
    await page.locator('[data-test=ch-start]').click()
    await status(page, '攻关中')
    await logout(page)

    // unit1 reports the milestone done.
    await login(page, 'unit1')
    await page.goto(`${BASE_URL}/challenge-applications/${unitApplication}`)
    await page.locator('[data-test=cha-detail-status]', { hasText: '揭榜方' }).waitFor()
    await page.locator('[data-test=ms-report]').click()
    await page.locator('.el-message-box textarea').fill('样机两台已完成，第三方检测报告已上传')
    await page.locator('.el-message-box').getByRole('button', { name: '报告完成' }).click()
    await page.locator('[data-test=ms-status]', { hasText: '待确认' }).waitFor()
    await logout(page)

    // operator1 confirms and accepts.
    await login(page, 'operator1')
    await openChallenge(page)
    await page.locator('[data-test=ms-confirm]').click()
    await page.locator('[data-test=ms-status]', { hasText: '已确认' }).waitFor()
    await page.locator('[data-test=ch-accept]').click()
    await status(page, '验收通过')
    await page.screenshot({ path: join(SCREENSHOTS, 'challenge-detail-1366.png'), fullPage: true })
    await logout(page)
  })
  await withBrowser(
    async (page) => {
      await page.goto(`${BASE_URL}/challenges`)
      await page.locator('[data-test=ch-item]', { hasText: TITLE }).waitFor()
      await assertNoOverflow(page, 'the public list at 390 px')
      await page.screenshot({ path: join(SCREENSHOTS, 'challenges-public-390.png'), fullPage: true })
      await page.locator('[data-test=ch-link]', { hasText: TITLE }).first().click()
      await page.locator('[data-test=ch-detail-status]', { hasText: '验收通过' }).waitFor()
      assert.match(await textOf(page.locator('[data-test=ch-requirements]')), /0\.2 mm/)
      await page.screenshot({ path: join(SCREENSHOTS, 'challenge-detail-390.png'), fullPage: true })
    },
    { width: 390, height: 844 },
  )
})

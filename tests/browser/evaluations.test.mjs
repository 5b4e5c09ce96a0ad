// Achievement evaluation requests in the web UI (issue 14): unit1 asks for an evaluation of its
// achievement (each missing field shown at its field), operator1 assigns three experts (two are
// refused at the field), each expert scores every criterion once (a missing score shown at its
// criterion; afterwards read-only), operator1 concludes, and unit1 reads the result on the request
// and on the achievement's page. A request not yet assigned is cancelled by the unit; another is declined.
// An evaluation agency (agency1), assigned alone, scores and concludes its own evaluation.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, apiSession, approvedAchievement, field, login, logout, pickOption, textOf, withBrowser } from './support.mjs'

const NAME = '高效固态电池电解质材料'
const EXPERTS = ['expert1', 'expert2', 'expert3']
// applied research: key_technology 40, system_solution 30, technical_value 30
const SCORES = {
  expert1: [90, 80, 70], // 81
  expert2: [80, 80, 80], // 80
  expert3: [70, 60, 65], // 65.5
} // average 75.5 → 76, good
const CRITERIA = ['key_technology', 'system_solution', 'technical_value']

/** Opens the request named `name` from the caller's evaluations menu entry. */
async function openFromMenu(page, entry, name) {
  await page.locator('[data-test=nav-achievements]').click()
  await page.locator(`[data-test=nav-ach-${entry}]`).click()
  await page.waitForURL(/\/evaluations/)
  await page.locator('[data-test=evaluation-name]', { hasText: name }).first().click()
  await page.locator('[data-test=evaluation-title]', { hasText: name }).waitFor()
}

/** Answers the prompt of a step (a reason, the conclusion) and confirms it with `button`. */
async function answerPrompt(page, text, button) {
  const box = page.locator('.el-message-box')
  await box.locator('textarea').fill(text)
  await box.getByRole('button', { name: button }).click()
}

test('a unit asks, the operator assigns three experts, each scores, the operator concludes, the unit reads the result', async () => {
  const achievementId = await approvedAchievement({ name: NAME, class: 'applied_research', statuses: ['4'] })
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.locator('[data-test=nav-achievements]').click()
    await page.locator('[data-test=nav-ach-evaluations]').click()
    await page.locator('[data-test=evaluations-title]', { hasText: '本单位的评价申请' }).waitFor()
    await page.locator('[data-test=new-evaluation]').click()
    await page.locator('[data-test=evaluation-form]').waitFor()
    // Nothing picked: the server's 422 at the achievement field.
    await page.locator('[data-test=submit-evaluation]').click()
    await page.locator('[data-field=achievement_id].is-error').waitFor()
    // A disclosure without its fields: each at its field.
    await page.locator('[data-test=subject-disclosure]').click()
    await page.locator('[data-test=submit-evaluation]').click()
    for (const name of ['title', 'abstract', 'class']) await page.locator(`[data-field=${name}].is-error`).waitFor()
    await page.locator('[data-test=subject-achievement]').click()
    await pickOption(page, 'f-achievement_id', NAME)
    // The method and weights follow the achievement's class.
    const criteria = await textOf(page.locator('[data-test=evaluation-criteria]'))
    assert.match(criteria, /专业评价/)
    assert.match(criteria, /关键技术突破 40%/)
    await page.screenshot({ path: join(SCREENSHOTS, 'evaluation-form.png'), fullPage: true })
    await page.locator('[data-test=submit-evaluation]').click()
    await page.locator('[data-test=evaluation-status]', { hasText: '待受理' }).waitFor()
    await page.locator('[data-test=cancel-evaluation]').waitFor()
    await logout(page)

    await login(page, 'operator1')
    await openFromMenu(page, 'evaluation-queue', NAME)
    await page.locator('[data-test=assign]').click()
    const dialog = page.locator('[data-test=assign-dialog]')
    await pickOption(page, 'f-expert_user_ids', 'expert1')
    await pickOption(page, 'f-expert_user_ids', 'expert2')
    await page.keyboard.press('Escape')
    await dialog.locator('[data-test=assign-submit]').click()
    await dialog.locator('[data-field=expert_user_ids].is-error', { hasText: '至少三位' }).waitFor()
    await pickOption(page, 'f-expert_user_ids', 'expert3')
    await page.keyboard.press('Escape')
    await dialog.locator('[data-test=assign-submit]').click()
    await page.locator('[data-test=evaluation-status]', { hasText: '评价中' }).waitFor()
    assert.equal(await page.locator('[data-test=evaluation-assignee]').count(), 3)
    await logout(page)

    for (const expert of EXPERTS) {
      await login(page, expert)
      await openFromMenu(page, 'evaluations-assigned', NAME)
      const form = page.locator('[data-test=scoring-form]')
      await form.waitFor()
      const [a, b, c] = SCORES[expert]
      await field(page, `score-${CRITERIA[0]}`).fill(String(a))
      await field(page, `score-${CRITERIA[1]}`).fill(String(b))
      if (expert === 'expert1') {
        // One criterion left empty: the server names it, shown at that criterion.
        await form.locator('[data-test=submit-scores]').click()
        await form.locator(`[data-field="scores.${CRITERIA[2]}"].is-error`).waitFor()
        await page.waitForTimeout(400) // the message zooms in
        await page.screenshot({ path: join(SCREENSHOTS, 'evaluation-scoring.png'), fullPage: true })
      }
      await field(page, `score-${CRITERIA[2]}`).fill(String(c))
      await field(page, `comment-${CRITERIA[0]}`).fill(`${expert} 的意见`)
      await field(page, `comment-${CRITERIA[0]}`).click() // the number inputs take their values on blur
      await form.locator('[data-test=score-preview]').waitFor()
      await form.locator('[data-test=submit-scores]').click()
      await page.locator('[data-test=scored-notice]').waitFor()
      assert.equal(await page.locator('[data-test=scoring-form]').count(), 0)
      await logout(page)
    }

    await login(page, 'operator1')
    await openFromMenu(page, 'evaluation-queue', NAME)
    await page.locator('[data-test=evaluation-status]', { hasText: '已评分' }).waitFor()
    await page.locator('[data-test=complete]').click()
    await answerPrompt(page, '技术路线清晰，关键指标达到国内先进水平', '出具结论')
    await page.locator('[data-test=evaluation-status]', { hasText: '已完成' }).waitFor()
    await logout(page)

    await login(page, 'unit1')
    await openFromMenu(page, 'evaluations', NAME)
    assert.equal(await textOf(page.locator('[data-test=result-score]')), '76')
    assert.equal(await textOf(page.locator('[data-test=result-level]')), '良好')
    assert.match(await textOf(page.locator('[data-test=result-conclusion]')), /国内先进水平/)
    const perAssignee = await textOf(page.locator('[data-test=result-scores]'))
    assert.match(perAssignee, /expert1/)
    assert.match(perAssignee, /expert1 的意见/)
    await page.screenshot({ path: join(SCREENSHOTS, 'evaluation-result.png'), fullPage: true })
    await page.locator('[data-test=evaluation-achievement]').click()
    await page.locator('[data-test=achievement-title]', { hasText: NAME }).waitFor()
    assert.equal(await textOf(page.locator('[data-test=achievement-evaluation-score]')), '76 分')
    assert.equal(await textOf(page.locator('[data-test=achievement-evaluation-level]')), '良好')
    await logout(page)

    // A visitor reads the same evaluation on the public page.
    await page.goto(`${BASE_URL}/achievements/${achievementId}`)
    await page.locator('[data-test=achievement-evaluation]', { hasText: '专业评价' }).waitFor()
  })
})

test('a unit cancels a request before it is assigned; the operator declines another with a reason', async () => {
  const unit = await apiSession('unit1')
  const ask = (title) =>
    unit('POST', '/evaluations', { subject: 'invention_disclosure', title, abstract: '一种新型电极结构', class: 'basic_research' })
  const first = await ask('待撤回的发明披露')
  const second = await ask('待拒绝的发明披露')
  assert.equal(first.status, 201, JSON.stringify(first.body))
  assert.equal(second.status, 201, JSON.stringify(second.body))
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.goto(`${BASE_URL}/evaluations/${first.body.id}`)
    await page.locator('[data-test=cancel-evaluation]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '撤回申请' }).click()
    await page.locator('[data-test=evaluation-status]', { hasText: '已撤回' }).waitFor()
    assert.equal(await page.locator('[data-test=cancel-evaluation]').count(), 0)
    await logout(page)

    await login(page, 'operator1')
    await page.goto(`${BASE_URL}/evaluations/${second.body.id}`)
    await page.locator('[data-test=decline]').click()
    await answerPrompt(page, '不属于平台评价范围', '不予受理')
    await page.locator('[data-test=evaluation-status]', { hasText: '未受理' }).waitFor()
    assert.equal(await textOf(page.locator('[data-test=evaluation-reason]')), '不属于平台评价范围')
  })
})

test('an evaluation agency scores alone and concludes its own evaluation', async () => {
  const unit = await apiSession('unit1')
  const asked = await unit('POST', '/evaluations', {
    subject: 'invention_disclosure',
    title: '一种低功耗传感器的发明披露',
    abstract: '面向物联网终端的低功耗传感器结构',
    class: 'development_industrialization',
  })
  assert.equal(asked.status, 201, JSON.stringify(asked.body))
  const id = asked.body.id
  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await page.goto(`${BASE_URL}/evaluations/${id}`)
    await page.locator('[data-test=assign]').click()
    await page.locator('[data-test=assign-agency]').click()
    await pickOption(page, 'f-agency_user_id', 'agency1')
    await page.locator('[data-test=assign-dialog] [data-test=assign-submit]').click()
    await page.locator('[data-test=evaluation-status]', { hasText: '评价中' }).waitFor()
    await logout(page)

    await login(page, 'agency1')
    await openFromMenu(page, 'evaluations-assigned', '一种低功耗传感器的发明披露')
    // development: economic_value 35, market_test 25, user_evaluation 20, social_value 20 → 58.1 → 58
    const given = { economic_value: 60, market_test: 50, user_evaluation: 55, social_value: 68 }
    for (const [code, score] of Object.entries(given)) await field(page, `score-${code}`).fill(String(score))
    await field(page, 'comment-economic_value').click()
    await page.locator('[data-test=score-preview]', { hasText: '58' }).waitFor()
    await page.locator('[data-test=submit-scores]').click()
    await page.locator('[data-test=scored-notice]').waitFor()
    // The agency concludes its own evaluation.
    await page.locator('[data-test=complete]').click()
    await answerPrompt(page, '市场前景有待验证', '出具结论')
    await page.locator('[data-test=evaluation-status]', { hasText: '已完成' }).waitFor()
    assert.equal(await textOf(page.locator('[data-test=result-level]')), '不合格')
  })
  const result = await unit('GET', `/evaluations/${id}`)
  assert.equal(result.body.score, 58)
})

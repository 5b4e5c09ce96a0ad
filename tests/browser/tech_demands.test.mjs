// Technology demands and brokers in the web UI (issue 18 §1, §3): company1 publishes a demand (every
// missing field shown at its field, a budget whose minimum exceeds its maximum refused) and submits
// it; district1 (海淀区) approves it; broker1 registers a profile and operator1 activates it; company1
// asks broker1 on the demand's page; broker1 accepts on the workbench, sees the contact whole and
// records a visit; a visitor finds the demand in the public list with the contact masked and the
// broker on it. Screenshots at 1366 and 390 px wide.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, assertNoOverflow, beijingDate, field, fillDate, login, logout, pickOption, textOf, withBrowser } from './support.mjs'

const TITLE = '锂电池极片涂布一致性提升'

async function openMenu(page, entry) {
  await page.locator('[data-test=nav-tech-market]').click()
  await page.locator(`[data-test=nav-td-${entry}]`).click()
}

/** Opens the demand TITLE from the desk. */
async function openFromDesk(page, status) {
  await openMenu(page, 'desk')
  if (status) await pickOption(page, 'desk-status', status)
  await page.locator('[data-test=desk-row]', { hasText: TITLE }).first().click()
  await page.locator('[data-test=demand-title]', { hasText: TITLE }).waitFor()
}

test('a demand from publication to a broker recording work, and the public list', async () => {
  await withBrowser(async (page) => {
    await login(page, 'company1')
    await openMenu(page, 'desk')
    await page.locator('[data-test=new-demand]').click()
    await page.locator('[data-test=demand-form]').waitFor()
    await page.locator('[data-test=save-draft]').click()
    for (const name of ['title', 'description', 'district_code', 'deadline', 'cooperation_forms', 'industry_codes']) {
      await page.locator(`[data-field=${name}].is-error`).waitFor()
    }
    await field(page, 'f-title').fill(TITLE)
    await field(page, 'f-description').fill('现有涂布线面密度波动 ±3%，寻求在线检测与闭环控制方案')
    await pickOption(page, 'f-district_code', '海淀')
    await fillDate(page, 'deadline', beijingDate(60))
    await field(page, 'f-budget_min_fen').fill('2000000')
    await field(page, 'f-budget_max_fen').fill('500000')
    await page.locator('[data-test=form-development]').click()
    await field(page, 'f-industry-input').fill('3841')
    await field(page, 'f-industry-input').press('Enter')
    await page.locator('[data-test=save-draft]').click()
    await page.locator('[data-field=budget_min_fen].is-error').waitFor()
    await field(page, 'f-budget_min_fen').fill('500000')
    await field(page, 'f-budget_max_fen').fill('2000000')
    await page.screenshot({ path: join(SCREENSHOTS, 'tech-demand-form.png'), fullPage: true })
    await page.locator('[data-test=save-submit]').click()
    await page.locator('[data-test=desk-status-tag]', { hasText: '待审核' }).first().waitFor()
    await logout(page)

    await login(page, 'district1')
    await openMenu(page, 'desk')
    await page.locator('[data-test=desk-row]', { hasText: TITLE }).waitFor()
    await page.locator('[data-test=desk-approve]').first().click()
    await page.locator('[data-test=desk-list]').getByText(TITLE).waitFor({ state: 'detached' })
    await logout(page)

    // broker1 registers; operator1 activates the profile from the broker list.
    await login(page, 'broker1')
    await openMenu(page, 'profile')
    await page.locator('[data-test=profile-save]').click()
    for (const name of ['name', 'certificate_no', 'issuing_body', 'valid_until', 'district_codes']) {
      await page.locator(`[data-field=${name}].is-error`).waitFor()
    }
    await field(page, 'p-name').fill('王经纪')
    await field(page, 'p-certificate_no').fill('JSJJ-2026-001')
    await field(page, 'p-issuing_body').fill('北京技术市场协会')
    await fillDate(page, 'valid_until', beijingDate(400))
    await field(page, 'p-industry_codes').fill('3841, 3825')
    await pickOption(page, 'p-district_codes', '海淀')
    await page.keyboard.press('Escape')
    await page.locator('[data-test=profile-save]').click()
    await page.locator('[data-test=profile-status]', { hasText: '待平台审核' }).waitFor()
    await logout(page)

    await login(page, 'operator1')
    await openMenu(page, 'brokers')
    await pickOption(page, 'broker-status', '待审核')
    await page.locator('[data-test=broker-name]', { hasText: '王经纪' }).waitFor()
    await page.locator('[data-test=broker-activate]').first().click()
    // Activated, it leaves the pending list and shows among the active ones.
    await page.locator('[data-test=broker-name]', { hasText: '王经纪' }).waitFor({ state: 'detached' })
    await pickOption(page, 'broker-status', '已启用')
    await page.locator('[data-test=broker-status-tag]', { hasText: '已启用' }).first().waitFor()
    await logout(page)

    // company1 asks broker1 on the demand's page.
    await login(page, 'company1')
    await openFromDesk(page)
    await pickOption(page, 'ask-broker-select', '王经纪')
    await page.locator('[data-test=ask-broker]').click()
    await page.locator('[data-test=assignment-status]', { hasText: '待接受' }).waitFor()
    await logout(page)

    // broker1 accepts, sees the contact whole, opens the demand and records a visit.
    await login(page, 'broker1')
    await openMenu(page, 'workbench')
    await page.locator('[data-test=bench-demand]', { hasText: TITLE }).waitFor()
    await page.locator('[data-test=bench-accept]').first().click()
    await page.locator('[data-test=bench-status-tag]', { hasText: '已接受' }).first().waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'tech-broker-workbench.png'), fullPage: true })
    await page.locator('[data-test=bench-demand]', { hasText: TITLE }).click()
    await page.locator('[data-test=work-form]').waitFor()
    await fillDate(page, 'work_date', beijingDate(1))
    await field(page, 'work-note').fill('走访企业涂布车间，了解工况')
    await page.locator('[data-test=work-save]').click()
    await page.locator('[data-field=work_date].is-error').waitFor()
    await fillDate(page, 'work_date', beijingDate(0))
    await page.locator('[data-test=work-save]').click()
    await page.locator('[data-test=work-entry]', { hasText: '走访企业涂布车间' }).waitFor()
    await logout(page)
  })

  // A visitor: the public list (expired ones hidden), the page with the contact masked and the broker on it.
  for (const width of [1366, 390]) {
    await withBrowser(
      async (page) => {
        await page.goto(`${BASE_URL}/tech-demands`)
        await page.locator('[data-test=demand-link]', { hasText: TITLE }).click()
        await page.locator('[data-test=demand-title]', { hasText: TITLE }).waitFor()
        const phone = await textOf(page.locator('[data-test=demand-phone]'))
        assert.ok(!/\d{11}/.test(phone), `the contact is masked for visitors: ${phone}`)
        await page.locator('[data-test=assigned-broker]', { hasText: '王经纪' }).waitFor()
        assert.equal(await page.locator('[data-test=work-log]').count(), 0, 'the work log is not public')
        await assertNoOverflow(page, `demand page at ${width}`)
        await page.screenshot({ path: join(SCREENSHOTS, `tech-demand-${width}.png`), fullPage: true })
        await page.goto(`${BASE_URL}/tech-demands`)
        await page.locator('[data-test=demand-card]').first().waitFor()
        await assertNoOverflow(page, `demand list at ${width}`)
        await page.screenshot({ path: join(SCREENSHOTS, `tech-demands-${width}.png`), fullPage: true })
      },
      { width, height: 900 },
    )
  }
})


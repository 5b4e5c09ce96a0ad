// Technology contract registration in the web UI (issue 18 §4–5): unit1 files a 技术转让 contract through the
// form (the empty form's errors shown at their fields; the types' cascade; a Tianjin buyer; two instalments),
// uploads the written contract and submits it; district1 (海淀区, the seller's office) registers it with the
// approved technical income and the achievement it transforms; the certificate shows its 16-digit number; the
// public statistics, the transaction map and the monitor count it. Screenshots at 1366 and 390 px wide.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, approvedAchievement, assertNoOverflow, beijingDate, field, login, logout, pickOption, textOf, withBrowser } from './support.mjs'

const NAME = '固态电池电解质专利权转让'

async function status(page, text) {
  await page.locator('[data-test=tc-detail-status]', { hasText: text }).waitFor()
}

/** Picks a division in a party's filterable select: typed, then the one visible option (another party's
 * dropdown may still be closing). */
async function pickDivision(page, testId, text) {
  await page.locator(`[data-test=${testId}]`).click()
  await page.keyboard.type(text)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
  await page.keyboard.press('Escape')
}

async function openContract(page) {
  await page.locator('[data-test=nav-tech-market]').click()
  await page.locator('[data-test=nav-tc-contracts]').click()
  await page.waitForURL(/\/tech-contracts/)
  await page.locator('[data-test=tc-name]', { hasText: NAME }).first().click()
  await page.locator('[data-test=tc-detail-title]', { hasText: NAME }).waitFor()
}

/** Types a date into the picker of the form item marked data-field=NAME. */
async function fillDateIn(page, name, value) {
  const input = page.locator(`[data-field=${name}] input`).first()
  await input.click()
  await input.fill(value)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

test('a contract filed, registered with its number, counted in the statistics, on the map and the monitor', async () => {
  const achievementId = await approvedAchievement({ name: '固态电池电解质制备方法', statuses: ['4'] })
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.locator('[data-test=nav-tech-market]').click()
    await page.locator('[data-test=nav-tc-contracts]').click()
    await page.locator('[data-test=tc-title]', { hasText: '我的技术合同' }).waitFor()
    await page.locator('[data-test=tc-new]').click()
    await page.locator('[data-test=tc-form]').waitFor()
    await page.locator('[data-test=tc-save]').click()
    for (const name of ['project_name', 'signed_on', 'total_fen', 'field_code']) await page.locator(`[data-field=${name}].is-error`).waitFor()

    await field(page, 'f-project_name').fill(NAME)
    await pickOption(page, 'f-type', '技术转让')
    await pickOption(page, 'f-subtype', '专利权转让')
    await fillDateIn(page, 'signed_on', beijingDate(-5))
    await field(page, 'f-total').fill('800000')
    await field(page, 'f-tech_amount').fill('750000')
    await pickOption(page, 'f-field_code', '新能源与高效节能')
    await field(page, 'f-expected_investment').fill('3000000')
    await field(page, 'f-expected_output').fill('12000000')
    await pickOption(page, 'f-achievement_id', '固态电池电解质制备方法')
    await field(page, 'p-0-name').fill('北京示范大学')
    await field(page, 'p-0-credit_code').fill('121100004000000014')
    await pickDivision(page, 'p-0-division_code', '海淀')
    await field(page, 'p-1-name').fill('天津新能源科技有限公司')
    await field(page, 'p-1-credit_code').fill('91120000MA0000001Q')
    await pickDivision(page, 'p-1-division_code', '天津')
    await fillDateIn(page, 'i-0-due_on', beijingDate(30))
    await field(page, 'i-0-amount').fill('300000')
    await page.locator('[data-test=tc-add-instalment]').click()
    await fillDateIn(page, 'i-1-due_on', beijingDate(180))
    await field(page, 'i-1-amount').fill('400000')
    // The instalments do not add up yet: the server names them.
    await page.locator('[data-test=tc-save]').click()
    await page.locator('[data-field=instalments].is-error').waitFor()
    await field(page, 'i-1-amount').fill('500000')
    await page.screenshot({ path: join(SCREENSHOTS, 'tech-contract-form-1366.png'), fullPage: true })
    await page.locator('[data-test=tc-save]').click()
    await status(page, '草稿')

    await pickOption(page, 'file-purpose', '书面合同文本')
    const chooser = page.waitForEvent('filechooser')
    await page.locator('[data-test=file-upload]').click()
    await (await chooser).setFiles({ name: '技术转让合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
    await page.locator('[data-test=file-download]', { hasText: '技术转让合同.pdf' }).waitFor()
    await page.locator('[data-test=tc-submit]').click()
    await status(page, '待登记')
    await logout(page)

    await login(page, 'district1')
    await openContract(page)
    await page.locator('[data-test=tc-register]').click()
    const dialog = page.locator('[data-test=tc-register-dialog]')
    await field(page, 'tc-income').fill('700000')
    await dialog.locator('[data-test=tc-register-confirm]').click()
    await status(page, '已登记')
    const number = await textOf(page.locator('[data-test=tc-registration-no]'))
    assert.match(number, /^\d{4}110108\d{6}$/)
    assert.match(await textOf(page.locator('[data-test=tc-approved-income]')), /700,000\.00/)
    await page.screenshot({ path: join(SCREENSHOTS, 'tech-contract-certificate-1366.png'), fullPage: true })
    await logout(page)

    // The achievement it transforms now says so (status 2: used by others through transfer).
    await login(page, 'unit1')
    await page.goto(`${BASE_URL}/achievements/${achievementId}`)
    await page.locator('body', { hasText: '已被其他企业应用' }).first().waitFor()
    await logout(page)

    await page.goto(`${BASE_URL}/tech-market/statistics?group=type`)
    await page.locator('[data-test=tc-stats-name]', { hasText: '技术转让' }).waitFor()
    await page.locator('[data-test=tc-stats-chart] canvas').first().waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'tech-market-statistics-1366.png'), fullPage: true })
    await page.goto(`${BASE_URL}/tech-market/map`)
    await page.locator('[data-test=tc-flows] .el-table__row', { hasText: '天津' }).first().waitFor()
    await page.locator('[data-test=tc-map-china] canvas').first().waitFor()
    await page.waitForTimeout(1500)
    await page.screenshot({ path: join(SCREENSHOTS, 'tech-market-map-1366.png'), fullPage: true })
    await page.goto(`${BASE_URL}/tech-market/monitor`)
    assert.ok(Number(await textOf(page.locator('[data-test=tc-monitor-registered]'))) >= 1)
    await page.screenshot({ path: join(SCREENSHOTS, 'tech-market-monitor-1366.png'), fullPage: true })
  })
  await withBrowser(
    async (page) => {
      for (const [path, shot] of [
        ['/tech-market/statistics?group=field', 'tech-market-statistics-390.png'],
        ['/tech-market/map', 'tech-market-map-390.png'],
        ['/tech-market/monitor', 'tech-market-monitor-390.png'],
      ]) {
        await page.goto(`${BASE_URL}${path}`)
        await page.locator('h1').first().waitFor()
        await page.waitForTimeout(1000)
        await assertNoOverflow(page, path)
        await page.screenshot({ path: join(SCREENSHOTS, shot), fullPage: true })
      }
      await login(page, 'unit1')
      await page.goto(`${BASE_URL}/tech-contracts`)
      await page.locator('[data-test=tc-name]', { hasText: NAME }).first().click()
      await page.locator('[data-test=tc-certificate]').waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'tech-contract-certificate-390.png'), fullPage: true })
    },
    { width: 390, height: 844 },
  )
})

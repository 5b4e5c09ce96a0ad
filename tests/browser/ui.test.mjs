// What a person sees and does in the web UI, in Debian's Chromium. run.sh starts the server with
// the users unit1 (unit_admin of 北京示范大学), reviewer1 (department_reviewer, edu) and operator1.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import {
  BASE_URL,
  SCREENSHOTS,
  beijingDate,
  field,
  fillDate,
  login,
  logout,
  pickOption,
  textOf,
  withBrowser,
} from './support.mjs'

const NAME = '高分辨质谱仪'

test('a unit registers an instrument, the department approves it, a visitor finds it by its traditional name', async () => {
  await withBrowser(async (page) => {
    // The unit administrator lands on the workbench and opens the form.
    await login(page, 'unit1')
    await page.waitForURL(/\/workbench$/)
    await page.getByRole('heading', { name: '单位工作台' }).waitFor()
    await page.locator('[data-test=new-instrument]').click()
    await page.getByRole('heading', { name: '登记仪器设施' }).waitFor()

    await field(page, 'f-name').fill(NAME)
    await field(page, 'f-name-en').fill('High-resolution mass spectrometer')
    await pickOption(page, 'f-class', '0102 质谱仪器', '质谱')
    await field(page, 'f-model').fill('Orbitrap Exploris 480')
    await field(page, 'f-manufacturer').fill('赛默飞世尔科技')
    await field(page, 'f-country').fill('美国')
    await field(page, 'f-functions').fill('蛋白质组学与代谢组学的高分辨质谱分析，小分子精确质量测定')
    await field(page, 'f-value').fill('3580000')
    await fillDate(page, 'purchase_date', beijingDate(-40))
    await fillDate(page, 'acceptance_date', beijingDate(-20))
    await pickOption(page, 'f-district', '海淀区')
    await page.locator('[data-test=f-service-modes]').getByText('委托测试').click()

    // Industry codes suggested from the name and functions; the person picks the first one.
    await page.locator('[data-test=suggest-industries]').click()
    const suggestions = page.locator('[data-test=industry-suggestions]')
    await suggestions.waitFor()
    const firstPick = suggestions.locator('[data-test^=pick-]').first()
    const code = (await firstPick.getAttribute('data-test')).slice('pick-'.length)
    assert.match(code, /^\d{4}$/)
    await firstPick.click()
    await page.locator('[data-test=f-industry-codes]').getByText(code).waitFor()

    await page.screenshot({ path: join(SCREENSHOTS, 'instrument-form.png'), fullPage: true })

    await page.locator('[data-test=save-draft]').click()
    await page.waitForURL(/\/workbench$/)
    const row = page.locator('[data-test=my-instruments] .el-table__row', { hasText: NAME })
    await row.locator('[data-test=status-tag]', { hasText: '草稿' }).waitFor()

    // Submit for review from the list, confirming in the dialog.
    await row.locator('[data-test=row-submit]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '提交审核' }).click()
    await row.locator('[data-test=status-tag]', { hasText: '待审核' }).waitFor()
    await logout(page)

    // The department reviewer approves it.
    await login(page, 'reviewer1')
    await page.waitForURL(/\/review$/)
    const pending = page.locator('[data-test=review-list] .el-table__row', { hasText: NAME })
    await pending.waitFor()
    assert.match(await textOf(pending), /北京示范大学/)
    await pending.locator('[data-test=approve]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '通过' }).click()
    await page.locator('.el-message', { hasText: '已通过并发布' }).waitFor()
    await page.locator('[data-test=review-list]').getByText('暂无待审核的仪器').waitFor()
    await logout(page)

    // A visitor searches in traditional characters. The index follows the database within a
    // moment, so the person searches again until the result shows up.
    await page.goto(`${BASE_URL}/`)
    await field(page, 'search-input').fill('質譜')
    const result = page.locator('[data-test=result]', { hasText: NAME })
    for (let attempt = 0; ; attempt++) {
      await page.locator('[data-test=search-button]').click()
      try {
        await result.waitFor({ timeout: 1500 })
        break
      } catch (e) {
        if (attempt >= 15) throw e
      }
    }
    assert.match(page.url(), /[?&]q=%E8%B3%AA%E8%AD%9C/)
    assert.match(await textOf(result), /北京示范大学/)
    assert.ok((await result.locator('[data-test=snippet] mark').count()) > 0, 'the snippet highlights the match')
    await page.locator('[data-test=facets]').getByText('海淀区').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'home-results.png'), fullPage: true })

    // The detail page shows every field with Chinese labels.
    await result.locator('[data-test=result-title]').click()
    await page.waitForURL(/\/instruments\/\d+$/)
    await page.locator('[data-test=detail-name]', { hasText: NAME }).waitFor()
    const registration = await textOf(page.locator('[data-test=detail-registration]'))
    for (const label of ['原值', '验收日期', '登记截止日', '逾期登记']) assert.ok(registration.includes(label), label)
    assert.equal(await textOf(page.locator('[data-test=detail-value]')), '3,580,000.00 元')
    assert.ok(registration.includes(beijingDate(-20)), 'the acceptance date')
    const basic = await textOf(page.locator('[data-test=detail-basic]'))
    assert.ok(basic.includes('质谱仪器'), 'the class name')
    assert.ok(basic.includes(code), 'the industry code')
    await page.screenshot({ path: join(SCREENSHOTS, 'instrument-detail.png'), fullPage: true })

    // Suggestions while typing, and "did you mean" for a misspelling.
    await page.goto(`${BASE_URL}/`)
    await field(page, 'search-input').pressSequentially('高分', { delay: 50 })
    const suggestion = page.locator('.el-autocomplete-suggestion li', { hasText: NAME })
    await suggestion.click()
    await page.waitForURL(/[?&]q=/)
    assert.equal(await field(page, 'search-input').inputValue(), NAME)
    await result.waitFor()
    await field(page, 'search-input').fill('spectrometr')
    await page.locator('[data-test=search-button]').click()
    const didYouMean = page.locator('[data-test=did-you-mean] a')
    await didYouMean.waitFor()
    assert.equal(await textOf(didYouMean), 'spectrometer')
    await didYouMean.click()
    await result.waitFor()
    assert.equal(await field(page, 'search-input').inputValue(), 'spectrometer')
  })
})

test("a form with bad values shows the server's message next to each field", async () => {
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.waitForURL(/\/workbench$/)
    await page.locator('[data-test=new-instrument]').click()
    await field(page, 'f-name').fill('场发射扫描电镜')
    await pickOption(page, 'f-class', '0101 电子光学仪器', '电子光学')
    await field(page, 'f-value').fill('2100000')
    // Bought after it was accepted, and no district.
    await fillDate(page, 'acceptance_date', beijingDate(-30))
    await fillDate(page, 'purchase_date', beijingDate(-10))
    await page.locator('[data-test=save-draft]').click()

    const purchaseError = page.locator('[data-field=purchase_date] .el-form-item__error')
    await purchaseError.waitFor()
    assert.equal(await textOf(purchaseError), '购置日期不能晚于验收日期')
    assert.equal(await textOf(page.locator('[data-field=district_code] .el-form-item__error')), '必填')
    assert.equal(await page.locator('[data-field=name] .el-form-item__error').count(), 0)
    await page.locator('[data-test=form-error]').getByText('请按提示修改标红的字段').waitFor()
    assert.match(page.url(), /\/workbench\/instruments\/new$/, 'nothing was saved')
    await page.locator('[data-field=purchase_date]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOTS, 'instrument-form-errors.png') })

    // Corrected, the same form saves.
    await fillDate(page, 'purchase_date', beijingDate(-40))
    await pickOption(page, 'f-district', '朝阳区')
    await page.locator('[data-test=save-draft]').click()
    await page.waitForURL(/\/workbench$/)
    await page.locator('[data-test=my-instruments] .el-table__row', { hasText: '场发射扫描电镜' }).waitFor()
  })
})

test('the language switch shows English labels and English server messages', async () => {
  await withBrowser(async (page) => {
    await page.goto(`${BASE_URL}/`)
    await page.getByRole('button', { name: '检索' }).waitFor()
    await page.locator('[data-test=lang-en]').click()
    assert.match(await textOf(page.locator('[data-test=brand]')), /Beijing S&T Resource Sharing Platform/)
    await page.getByRole('button', { name: 'Search', exact: true }).waitFor()
    for (const tab of ['Instruments', 'Labs', 'Services', 'Finance products']) {
      await page.locator('.el-tabs__item', { hasText: tab }).waitFor()
    }
    assert.equal(await page.getByText('仪器设施', { exact: true }).count(), 0)
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')

    // The choice stays after a reload, and the server answers in English too.
    await page.reload()
    await page.getByRole('button', { name: 'Search', exact: true }).waitFor()
    await page.locator('[data-test=nav-login]').click()
    await page.getByText('User name').waitFor()
    await field(page, 'login-username').fill('nobody')
    await field(page, 'login-password').fill('Wrong!Passw0rd')
    await page.locator('[data-test=login-submit]').click()
    await page.locator('[data-test=login-error]').getByText('Wrong username or password').waitFor()

    await page.locator('[data-test=lang-zh]').click()
    await page.getByText('用户名', { exact: true }).waitFor()
  })
})

// The operator's console (运营管理): the industry catalog, the working-day calendar, the late
// registration report, the spreadsheet import and the bases. run.sh starts the server with
// operator1 (platform operator, no second factor in these tests) and the organisation
// 北京示范大学; the report test adds 北京示范研究所 with two instruments accepted long ago.
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BASE_URL,
  SCREENSHOTS,
  apiSession,
  beijingDate,
  creditCode,
  field,
  login,
  pickOption,
  textOf,
  withBrowser,
  xlsx,
} from './support.mjs'

const SUB = '集成电路设计服务'

/** Opens a page of the console through the top bar's 运营管理 menu. */
async function openConsole(page, item) {
  await page.locator('[data-test=nav-operator]').click()
  await page.locator(`.el-dropdown-menu [data-test=nav-op-${item}]`).click()
}

test('the operator adds a sub-category to the industry catalog, edits it and reads its history', async () => {
  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await openConsole(page, 'industries')
    await page.waitForURL(/\/operator\/industries$/)
    await page.getByRole('heading', { name: '行业目录' }).waitFor()
    const tree = page.locator('[data-test=industry-tree]')
    await tree.getByText('新一代信息技术').waitFor()

    // A sub-category of 集成电路, its code picked from the suggestions.
    const industryRow = tree.locator('.el-table__row.industry-row', { hasText: '集成电路' })
    await industryRow.locator('[data-test^=add-to-]').click()
    const dialog = page.locator('.el-dialog[data-test=sub-dialog]')
    await dialog.getByText('新增子类').first().waitFor()
    await field(page, 'sub-name').fill(SUB)
    await field(page, 'sub-code').pressSequentially('6520', { delay: 30 })
    await page.locator('.code-suggestions li', { hasText: '集成电路设计' }).click()
    assert.equal(await textOf(dialog.locator('[data-test=sub-code-name]')), '集成电路设计')
    await field(page, 'sub-scope').fill('提供集成电路设计服务')
    await dialog.locator('[data-test=sub-dialog-save]').click()
    await page.locator('.el-message', { hasText: '已新增子类' }).waitFor()
    const row = tree.locator('.el-table__row', { hasText: SUB })
    await row.waitFor()
    assert.match(await textOf(row), /6520 集成电路设计 提供集成电路设计服务/)

    // The filter narrows the tree to what matches.
    await field(page, 'industry-filter').fill('6520')
    await row.waitFor()
    await tree.getByText('新一代信息技术').waitFor({ state: 'detached' })
    await field(page, 'industry-filter').fill('')
    await tree.getByText('新一代信息技术').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'operator-industries.png'), fullPage: true })

    // A code that is not a GB/T 4754-2017 class: the server's message under the code field.
    await page.locator('[data-test=add-sub]').click()
    await field(page, 'sub-name').fill('无效代码子类')
    await field(page, 'sub-code').fill('9999')
    await dialog.locator('[data-test=sub-dialog-save]').click()
    const codeError = dialog.locator('[data-field=code] .el-form-item__error')
    await codeError.waitFor()
    assert.equal(await textOf(codeError), '不是 GB/T 4754-2017 的 4 位行业小类代码')
    assert.equal(await dialog.locator('[data-field=name] .el-form-item__error').count(), 0)
    await dialog.locator('[data-test=form-error]').getByText('请按提示修改标红的字段').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'operator-industry-code-error.png') })
    // Too short is caught before asking the server.
    await field(page, 'sub-code').fill('65')
    await dialog.locator('[data-test=sub-dialog-save]').click()
    await dialog.locator('[data-field=code] .el-form-item__error', { hasText: '行业代码须为 4 位数字' }).waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    assert.equal(await tree.getByText('无效代码子类').count(), 0, 'nothing was saved')

    // Edit the scope, then the history shows both versions with the change marked.
    await row.locator('[data-test=edit-sub]').click()
    await dialog.getByText('编辑子类').first().waitFor()
    assert.equal(await field(page, 'sub-code').inputValue(), '6520')
    await field(page, 'sub-scope').fill('提供集成电路设计与验证服务')
    await dialog.locator('[data-test=sub-dialog-save]').click()
    await page.locator('.el-message', { hasText: '已保存修改' }).waitFor()
    await row.getByText('提供集成电路设计与验证服务').waitFor()
    await row.locator('[data-test=history-sub]').click()
    const history = page.locator('.el-dialog[data-test=history-dialog] [data-test=history-list]')
    await history.locator('.el-table__row').nth(1).waitFor()
    assert.equal(await history.locator('.el-table__row').count(), 2)
    assert.match(await textOf(history.locator('.el-table__row').first()), /^2 .*提供集成电路设计与验证服务/)
    assert.equal(await textOf(history.locator('.el-table__row').first().locator('.changed')), '提供集成电路设计与验证服务')
    await page.locator('.el-dialog[data-test=history-dialog] .el-loading-mask').waitFor({ state: 'detached' })
    await page.screenshot({ path: join(SCREENSHOTS, 'operator-industry-history.png') })
  })
})

test('the operator reads the working-day calendar and enters a later year', async () => {
  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await openConsole(page, 'calendar')
    await page.waitForURL(/\/operator\/calendar$/)
    await page.getByRole('heading', { name: '工作日历' }).waitFor()

    // The holidays shipped with the platform, e.g. 2026's.
    await page.goto(`${BASE_URL}/operator/calendar?year=2026`)
    await page.locator('[data-day="2026-01-01"][data-kind=holiday]').waitFor()
    await page.locator('[data-day="2026-02-14"][data-kind=workday]').waitFor()
    assert.match(await textOf(page.locator('[data-test=cal-counts]')), /^2026 年：放假 \d+ 天，调休上班 \d+ 天$/)
    assert.match(await textOf(page.locator('[data-test=calendar-list]')), /2026-01-01 四 放假 元旦/)
    await page.screenshot({ path: join(SCREENSHOTS, 'operator-calendar.png'), fullPage: true })

    // A later year, pasted; a line that cannot be read is pointed out and left out.
    await page.goto(`${BASE_URL}/operator/calendar?year=2030`)
    await page.getByText('2030 年的节假日安排尚未录入').waitFor()
    await page.locator('[data-test=cal-add]').click()
    const dialog = page.locator('.el-dialog[data-test=calendar-dialog]')
    await field(page, 'calendar-paste').fill(
      ['date,kind,name', '2030-01-01,holiday,元旦', '2030-02-02 ~ 2030-02-08 休 春节', '2030-01-26 班 春节', '2030-02-30 休 不存在'].join('\n'),
    )
    await dialog.locator('[data-test=calendar-parse]').click()
    await dialog.locator('[data-test=calendar-problems]').getByText('第 5 行').waitFor()
    assert.equal(await dialog.locator('[data-test=calendar-pending] .el-table__row').count(), 9)
    await dialog.locator('[data-test=calendar-dialog-save]').click()
    await page.locator('.el-message', { hasText: '已保存 9 天' }).waitFor()
    await page.locator('[data-day="2030-02-05"][data-kind=holiday]').waitFor()
    await page.locator('[data-day="2030-01-26"][data-kind=workday]').waitFor()
    assert.equal(await textOf(page.locator('[data-test=cal-counts]')), '2030 年：放假 8 天，调休上班 1 天')
    assert.match(page.url(), /[?&]year=2030/)
  })
})

test('the late-registration report counts late and overdue registrations per unit', async () => {
  // A unit with one instrument registered late and one not registered yet, both accepted long ago.
  const operator = await apiSession('operator1')
  const org = await operator('POST', '/organizations', {
    name: '北京示范研究所',
    credit_code: creditCode('12110000400000002'),
    kind: 'research_institute',
    district_code: '110105',
    department_code: 'sci',
  })
  assert.equal(org.status, 201, JSON.stringify(org.body))
  const instrument = (name) => ({
    name,
    org_id: org.body.id,
    class_code: '0102',
    original_value_fen: 120_000_000,
    acceptance_date: beijingDate(-200),
    district_code: '110105',
    open_status: 'open',
  })
  const late = await operator('POST', '/instruments', instrument('逾期登记质谱仪'))
  assert.equal(late.status, 201, JSON.stringify(late.body))
  assert.equal((await operator('POST', `/instruments/${late.body.id}/submit`)).status, 200)
  assert.equal((await operator('POST', `/instruments/${late.body.id}/approve`)).status, 200)
  const unregistered = await operator('POST', '/instruments', instrument('未登记色谱仪'))
  assert.equal(unregistered.status, 201, JSON.stringify(unregistered.body))

  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await openConsole(page, 'report')
    await page.waitForURL(/\/operator\/registration-report$/)
    await page.getByRole('heading', { name: '登记逾期报表' }).waitFor()
    const row = page.locator('[data-test=report-table] .el-table__row', { hasText: '北京示范研究所' })
    await row.waitFor()
    const cells = await row.locator('td').allInnerTexts()
    assert.deepEqual(
      cells.map((c) => c.trim()),
      ['北京示范研究所', '北京市科学技术委员会、中关村科技园区管理委员会', '1', '1', '2', '100%'],
    )
    assert.ok(Number(await textOf(page.locator('[data-test=report-late]'))) >= 1)
    assert.ok(Number(await textOf(page.locator('[data-test=report-overdue]'))) >= 1)
    await page.locator('[data-test=report-chart] canvas').first().waitFor()
    assert.match(await textOf(page.locator('.page-head .sub')), new RegExp(`截至 ${beijingDate(0)}`))

    // Sorting by a column, and the department filter.
    await page.locator('[data-test=report-table] th', { hasText: '单位' }).first().click()
    await pickOption(page, 'report-department', '北京市教育委员会')
    await row.waitFor({ state: 'detached' })
    await pickOption(page, 'report-department', '北京市科学技术委员会')
    await row.waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'operator-report.png'), fullPage: true })
  })
})

test('the operator imports sub-categories from a spreadsheet: a dry run first, row errors in a table', async () => {
  // The good file is a workbook (.xlsx), the bad one a CSV saved by Excel (UTF-8 with a BOM).
  const dir = mkdtempSync(join(tmpdir(), 'keyuan-import-'))
  const good = join(dir, '高新技术产业目录.xlsx')
  const bad = join(dir, 'catalog-bad.csv')
  writeFileSync(
    good,
    xlsx([
      ['产业', '子类', '行业代码', '经营范围'],
      ['人工智能', '智能机器人制造', '3491', '制造工业机器人'],
      ['人工智能', '特殊作业机器人制造', '3492', '制造特殊作业机器人'],
    ]),
  )
  writeFileSync(bad, '\uFEFF产业,子类,行业代码,经营范围\r\n人工智能,智能机器人制造,3491,制造工业机器人\r\n人工智能,坏代码,9999,x\r\n')
  after(() => rmSync(dir, { recursive: true, force: true }))

  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await page.goto(`${BASE_URL}/operator/industries`)
    await page.locator('[data-test=open-import]').click()
    const dialog = page.locator('.el-dialog[data-test=import-dialog]')

    // The template: the four headers, UTF-8 with a BOM so that Excel reads the Chinese.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-test=import-template]').click()])
    assert.equal(download.suggestedFilename(), '高新技术产业目录-导入模板.csv')
    assert.equal(readFileSync(await download.path(), 'utf8'), '\uFEFF产业,子类,行业代码,经营范围\r\n')

    // A file with a bad row: the row, the column and the message.
    await dialog.locator('input[type=file]').setInputFiles(bad)
    await dialog.locator('[data-test=import-check]').click()
    const errors = dialog.locator('[data-test=import-row-errors]')
    await errors.waitFor()
    assert.match(await textOf(errors.locator('.el-table__row').first()), /^3 行业代码 /)
    assert.ok(await dialog.locator('[data-test=import-confirm]').isDisabled())

    // A good file: the dry run's counts, then the import.
    await dialog.locator('input[type=file]').setInputFiles(good)
    await dialog.locator('[data-test=import-check]').click()
    await dialog.locator('[data-test=import-result]').waitFor()
    assert.equal(await textOf(dialog.locator('[data-test=import-rows]')), '2')
    assert.equal(await textOf(dialog.locator('[data-test=import-created]')), '2')
    assert.equal(await dialog.locator('[data-test=import-changes] .el-table__row').count(), 2)
    const imported = page.locator('[data-test=industry-tree] [data-test=sub-row-name]', { hasText: '特殊作业机器人制造' })
    assert.equal(await imported.count(), 0, 'a dry run writes nothing')
    await page.screenshot({ path: join(SCREENSHOTS, 'operator-import-preview.png') })
    await dialog.locator('[data-test=import-confirm]').click()
    await dialog.getByText('导入完成').first().waitFor()
    await page.keyboard.press('Escape')
    await imported.waitFor()
    await page.locator('[data-test=industry-tree] [data-test=sub-row-name]', { hasText: '智能机器人制造' }).waitFor()
  })
})

test('the operator creates and edits a domain centre', async () => {
  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await openConsole(page, 'bases')
    await page.getByRole('heading', { name: '基地与领域中心' }).waitFor()
    await page.locator('[data-test=add-base]').click()
    const dialog = page.locator('.el-dialog[data-test=base-dialog]')
    await field(page, 'base-name').fill('科技金融领域中心（测试）')
    await dialog.locator('[data-test=base-kind]').getByText('领域中心').click()
    await page.locator('[data-test=base-org]').click()
    await page.keyboard.type('北京示范')
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '北京示范' }).first().click()
    await field(page, 'base-domain').fill('科技金融')
    await field(page, 'base-target').fill('20')
    await dialog.locator('[data-test=base-dialog-save]').click()
    const row = page.locator('[data-test=bases-table] .el-table__row', { hasText: '科技金融领域中心（测试）' })
    await row.waitFor()
    assert.match(await textOf(row), /领域中心/)
    assert.match(await textOf(row), /北京示范/)
    assert.equal(await textOf(row.locator('[data-test=base-finance]')), '0 / 20')
    await row.getByText('未达标').waitFor()

    // Edited with its version (If-Match); the history shows both versions, the change marked.
    await row.locator('[data-test=edit-base]').click()
    await field(page, 'base-target').fill('25')
    await dialog.locator('[data-test=base-dialog-save]').click()
    await row.locator('[data-test=base-finance]', { hasText: '0 / 25' }).waitFor()
    await row.locator('[data-test=history-base]').click()
    const history = page.locator('.el-dialog[data-test=history-dialog] [data-test=history-list]')
    await history.locator('.el-table__row').nth(1).waitFor()
    assert.equal(await textOf(history.locator('.el-table__row').first().locator('.changed')), '25')
    await page.locator('.el-dialog[data-test=history-dialog] .el-loading-mask').waitFor({ state: 'detached' })
    await page.screenshot({ path: join(SCREENSHOTS, 'operator-bases.png'), fullPage: true })
  })
})

test('only the operator sees the console', async () => {
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.waitForURL(/\/workbench$/)
    assert.equal(await page.locator('[data-test=nav-operator]').count(), 0)
    await page.goto(`${BASE_URL}/operator/industries`)
    await page.waitForURL(`${BASE_URL}/`)
    assert.equal(await page.getByRole('heading', { name: '行业目录' }).count(), 0)
  })
})

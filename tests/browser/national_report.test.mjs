// The national report's page (docs/design/national-report.md): the operator opens it from the
// console's menu, picks this year, sees an approved instrument of 2,600,000 yuan named as lacking the
// national platform's 主要学科领域 and 运行状态 (everything else filled), opens the instrument from the
// check; unit1 fills both in the instrument form (submitted, approved again by reviewer1); the record
// leaves the check, the instrument is still reported, and the workbook downloads with its three
// sheets. The English UI names the elements in English. Screenshots at 1366 and 390 px wide.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  SCREENSHOTS,
  apiSession,
  approvedInstrument,
  assertNoOverflow,
  beijingDate,
  field,
  login,
  logout,
  pickOption,
  textOf,
  withBrowser,
} from './support.mjs'

const NAME = '国家平台报送测试质谱仪'
const YEAR = beijingDate().slice(0, 4)

/** An approved instrument of unit1 (2,600,000 yuan) with every national element but subject and running state. */
const lackingInstrument = () =>
  approvedInstrument(NAME, 'NR-1', {
    country: '美国',
    functions: '高分辨质谱分析',
    fee_standard: '800元/小时',
    location: '学院路 1 号 3 号楼 201',
    contact_name: '王老师',
    contact_phone: '010-62000000',
    contact_email: 'ms@example.edu.cn',
  })

/** The element tags of the instrument's line in the check, or null when it has none. */
async function missingOf(page, id) {
  const link = page.locator(`[data-test=nrep-record-${id}]`)
  if ((await link.count()) === 0) return null
  const row = page.locator('[data-test=nrep-check] tr', { has: link })
  return row.locator('[data-element]').evaluateAll((tags) => tags.map((t) => t.getAttribute('data-element')))
}

async function openReport(page) {
  await page.locator('[data-test=nav-operator]').click()
  await page.locator('.el-dropdown-menu [data-test=nav-op-national-report]').click()
  await page.locator('[data-test=nrep-check]').waitFor()
  await pickOption(page, 'nrep-year', `${YEAR} 年`)
  await page.locator('[data-test=nrep-instruments]').filter({ hasNotText: '–' }).waitFor()
}

test('the operator sees what the national report lacks, the unit completes it, the file downloads', async () => {
  const id = await lackingInstrument()
  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await openReport(page)
    await page.locator(`[data-test=nrep-record-${id}]`).waitFor()
    assert.deepEqual(await missingOf(page, id), ['主要学科领域', '运行状态'])
    const reported = Number(await textOf(page.locator('[data-test=nrep-instruments]')))
    assert.ok(reported >= 1, `${reported} instruments reported`)
    const incomplete = Number(await textOf(page.locator('[data-test=nrep-incomplete]')))
    await page.screenshot({ path: join(SCREENSHOTS, 'national-report.png'), fullPage: true })
    // In English the elements are named in English (the file and the server's messages stay Chinese).
    await page.locator('[data-test=lang-en]').click()
    const row = page.locator('[data-test=nrep-check] tr', { has: page.locator(`[data-test=nrep-record-${id}]`) })
    assert.equal(await textOf(row.locator('[data-test=nrep-elements]')), 'Main subjects Running state')
    await page.screenshot({ path: join(SCREENSHOTS, 'national-report-en.png'), fullPage: true })
    await page.locator('[data-test=lang-zh]').click()

    // The check links the instrument's page, which shows the two elements as empty.
    await page.locator(`[data-test=nrep-record-${id}]`).click()
    await page.waitForURL(`**/instruments/${id}`)
    assert.equal(await textOf(page.locator('[data-test=detail-name]')), NAME)
    assert.equal(await textOf(page.locator('[data-test=detail-running-state]')), '—')
    await logout(page)

    // The unit completes the instrument in its form and submits it again.
    await login(page, 'unit1')
    await page.goto(new URL(`/workbench/instruments/${id}/edit`, page.url()).href)
    await field(page, 'f-subject').fill('化学，物理学')
    await pickOption(page, 'f-running-state', '正常')
    await page.screenshot({ path: join(SCREENSHOTS, 'national-report-instrument-form.png'), fullPage: true })
    await page.locator('[data-test=save-submit]').click()
    await page.waitForURL('**/workbench')
    const reviewer = await apiSession('reviewer1')
    assert.equal((await reviewer('POST', `/instruments/${id}/approve`)).status, 200)
    await page.goto(new URL(`/instruments/${id}`, page.url()).href)
    assert.equal(await textOf(page.locator('[data-test=detail-subject]')), '化学，物理学')
    assert.equal(await textOf(page.locator('[data-test=detail-running-state]')), '正常')
    await logout(page)

    // The record has left the check; the instrument is still reported.
    await login(page, 'operator1')
    await openReport(page)
    assert.equal(await missingOf(page, id), null)
    assert.equal(Number(await textOf(page.locator('[data-test=nrep-instruments]'))), reported)
    assert.equal(Number(await textOf(page.locator('[data-test=nrep-incomplete]'))), incomplete - 1)

    const link = page.locator('[data-test=nrep-download]')
    assert.equal(await link.getAttribute('href'), `/api/v1/national-report/instruments?year=${YEAR}`)
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    assert.equal(download.suggestedFilename(), `国家平台报送-大型仪器-${YEAR}.xlsx`)
    const file = readFileSync(await download.path())
    assert.equal(file.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX (zip) file')
    for (const sheet of ['sheet1.xml', 'sheet2.xml', 'sheet3.xml']) assert.ok(file.includes(`xl/worksheets/${sheet}`), sheet)

    // A phone's width: the table scrolls in its own box.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.locator('[data-test=nrep-check]').waitFor()
    await assertNoOverflow(page, 'the national report at 390 px')
    await page.screenshot({ path: join(SCREENSHOTS, 'national-report-390.png'), fullPage: true })
  })
})

test('the page is the operator’s alone', async () => {
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    assert.equal(await page.locator('[data-test=nav-operator]').count(), 0)
    const unit = await apiSession('unit1')
    assert.equal((await unit('GET', `/national-report/instruments?year=${YEAR}&check=1`)).status, 403)
  })
})

// The unit's workspace and the import wizard (issue 19 §7, "done means"): unit1 opens the workspace
// from the header, downloads the service template, uploads a GBK CSV (as Chinese Excel saves it)
// with one bad row, sees the refused row named by row number, column and message, fixes it and
// uploads again, applies, and sees exactly its rows as drafts in its list of service products; the
// same file again changes nothing. The lab form refuses an empty lab at its fields (the registry's
// 422), then saves a draft; the organisation's profile saves the unit's address. Export links
// carry the list's filters. A file of 2,001 rows answers 202 and the page polls it to its report.
// Screenshots at 1366 and 390 px wide.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, assertNoOverflow, confirmBox, field, login, pickOption, textOf, withBrowser } from './support.mjs'

const HEADER = ['服务项目名称', '服务类别（测试/研发）', '服务领域', '服务价格', '所在区', '联系人']
const GOOD = [
  ['扫描电镜形貌分析', '测试', '新材料', '500元/样', '海淀区', '张老师'],
  ['材料成分能谱分析', '测试', '新材料', '1,200元/小时', '海淀区', '张老师'],
]
const BAD = ['芯片失效分析', '检验', '集成电路', '面议', '海淀区', '李老师']
const FIXED = ['芯片失效分析', '测试', '集成电路', '面议', '海淀区', '李老师']
const NAMES = [...GOOD, FIXED].map((r) => r[0])

/** The rows as a CSV in GBK, the way Chinese Excel saves "CSV (逗号分隔)". */
function gbkCsv(dir, name, rows) {
  const utf8 = join(dir, `${name}.utf8`)
  // As Excel writes it: a cell with a comma in quotes.
  const cell = (c) => (c.includes(',') ? `"${c}"` : c)
  writeFileSync(utf8, [HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n')
  const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', utf8])
  assert.notEqual(gbk.toString('utf8'), readFileSync(utf8, 'utf8'), 'the file is not UTF-8')
  const path = join(dir, `${name}.csv`)
  writeFileSync(path, gbk)
  return path
}

async function count(page, scope, outcome) {
  return Number(await textOf(page.locator(`${scope} [data-test=count-${outcome}] .count-value`)))
}

/** Uploads `path` and runs the dry run; waits for its report. */
async function check(page, path) {
  await page.locator('[data-test=imp-file]').setInputFiles(path)
  await page.locator('[data-test=imp-check]').click()
  await page.locator('[data-test=imp-report]').waitFor()
}

test('a unit imports service products from a GBK CSV: refused row named, fixed, applied as drafts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyuan-import-'))
  const bad = gbkCsv(dir, '服务产品', [...GOOD, BAD])
  const fixed = gbkCsv(dir, '服务产品-改', [...GOOD, FIXED])
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.locator('[data-test=nav-workbench]').click()
    await page.locator('[data-test=ws-tab-imports]').click()
    await page.locator('[data-test=imp-title]', { hasText: '批量导入' }).waitFor()
    await page.locator('[data-test=imp-kind-service]').click()

    // The template: an XLSX (a zip) with the seed's headers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=imp-template]').click()])
    const template = readFileSync(await download.path())
    assert.equal(template.subarray(0, 2).toString(), 'PK', 'the template is an XLSX')

    // The file with one bad row: row 4 (the header is row 1), its column and message named.
    await check(page, bad)
    await page.locator('details.rows summary').click()
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-report.png'), fullPage: true })
    const report = '[data-test=imp-report]'
    assert.equal(await count(page, report, 'created'), 2)
    assert.equal(await count(page, report, 'refused'), 1)
    const refused = page.locator('[data-test=refused-rows]')
    assert.equal(await textOf(refused.locator('[data-test=refused-row]').first()), '4')
    assert.match(await textOf(refused.locator('[data-test=refused-column]').first()), /服务类别/)
    assert.ok((await textOf(refused.locator('[data-test=refused-message]').first())).length > 0)
    assert.match(await page.locator('[data-test=report-download]').getAttribute('href'), /^\/api\/v1\/imports\/\d+\/report\.xlsx$/)
    // All or nothing refuses to apply while a row is refused.
    await page.locator('[data-test=imp-all-or-nothing]').click()
    assert.ok(await page.locator('[data-test=imp-apply]').isDisabled())

    // The corrected file: every row would be created; applied.
    await page.locator('[data-test=imp-again]').click()
    await check(page, fixed)
    assert.equal(await count(page, report, 'created'), 3)
    assert.equal(await count(page, report, 'refused'), 0)
    await page.locator('[data-test=none-refused]').waitFor()
    await page.locator('[data-test=imp-apply]').click()
    await confirmBox(page, '正式导入')
    await page.locator('[data-test=imp-result]').waitFor()
    assert.equal(await count(page, '[data-test=imp-result]', 'created'), 3)
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-result.png'), fullPage: true })

    // Exactly those rows, as drafts of unit1's organisation.
    await page.locator('[data-test=imp-open]').click()
    await page.waitForURL(/\/workbench\/services/)
    await page.locator('[data-test=row-name]', { hasText: NAMES[2] }).waitFor()
    const names = await page.locator('[data-test=row-name]').allInnerTexts()
    assert.deepEqual([...names].sort(), [...NAMES].sort())
    const statuses = await page.locator('[data-test=kind-rows] [data-test=status-tag]').evaluateAll((tags) => tags.map((t) => t.dataset.status))
    assert.deepEqual(statuses, ['draft', 'draft', 'draft'])
    // Export: the list's URL with its filters and the format.
    const xlsx = await page.locator('[data-test=export-xlsx]').getAttribute('href')
    assert.match(xlsx, /^\/api\/v1\/services\?/)
    assert.match(xlsx, /format=xlsx/)
    assert.match(xlsx, /org_id=\d+/)
    assert.match(await page.locator('[data-test=export-csv]').getAttribute('href'), /format=csv/)
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-services-list.png'), fullPage: true })

    // The same file again changes nothing.
    await page.locator('[data-test=kind-import]').click()
    await page.locator('[data-test=imp-kind-service].is-active').waitFor()
    await check(page, fixed)
    assert.equal(await count(page, report, 'unchanged'), 3)
    assert.equal(await count(page, report, 'created'), 0)
    assert.ok(await page.locator('[data-test=imp-apply]').isDisabled())
  })
})

test('the lab form refuses an empty lab at its fields, then saves a draft; the profile saves', async () => {
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.goto(`${BASE_URL}/workbench/labs`)
    await page.locator('[data-test=kind-list-title]', { hasText: '实验室' }).waitFor()
    await page.locator('[data-test=kind-new]').click()
    await page.locator('[data-test=kind-form]').waitFor()
    await page.locator('[data-test=save-draft]').click()
    for (const name of ['name', 'kind', 'district_code', 'open_status']) await page.locator(`[data-field=${name}].is-error`).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-lab-form-errors.png'), fullPage: true })
    await field(page, 'f-name').fill('北京市光电检测开放实验室')
    await pickOption(page, 'f-kind', '开放实验室')
    await pickOption(page, 'f-open_status', '开放共享')
    await pickOption(page, 'f-district_code', '海淀区')
    await page.locator('[data-test=save-draft]').click()
    await page.waitForURL(/\/workbench\/labs$/)
    await page.locator('[data-test=row-name]', { hasText: '北京市光电检测开放实验室' }).waitFor()

    await page.locator('[data-test=ws-tab-organization]').click()
    await page.locator('[data-test=org-fixed]', { hasText: '121100004000000014' }).waitFor()
    await field(page, 'org-address').fill('北京市海淀区学院路 1 号')
    await page.locator('[data-test=org-save]').click()
    await page.locator('.el-message--success', { hasText: '单位信息已保存' }).waitFor()
  })
})

test('the wizard, the form and the list at 390 px', async () => {
  await withBrowser(
    async (page) => {
      await login(page, 'unit1')
      await page.goto(`${BASE_URL}/workbench/imports?kind=service`)
      await page.locator('[data-test=imp-template]').waitFor()
      await assertNoOverflow(page, 'the import wizard')
      await page.screenshot({ path: join(SCREENSHOTS, 'imports-wizard-390.png'), fullPage: true })
      // In English: the wizard's own texts and the server's kind labels.
      await page.locator('[data-test=lang-en]').click()
      await page.locator('[data-test=imp-title]', { hasText: 'Import' }).waitFor()
      await page.locator('[data-test=imp-template]', { hasText: 'Download the Excel template' }).waitFor()
      await page.locator('[data-test=lang-zh]').click()
      await page.goto(`${BASE_URL}/workbench/services`)
      await page.locator('[data-test=kind-rows]').waitFor()
      await assertNoOverflow(page, 'the services list')
      // Every workspace tab is on screen whole (they wrap; a scrolling row cut the last off).
      const clipped = await page.locator('[data-test=workspace-tabs] a').evaluateAll((tabs) =>
        tabs.filter((a) => a.getBoundingClientRect().right > window.innerWidth).map((a) => a.textContent),
      )
      assert.deepEqual(clipped, [])
      await page.screenshot({ path: join(SCREENSHOTS, 'imports-services-390.png'), fullPage: true })
      await page.goto(`${BASE_URL}/workbench/services/new`)
      await page.locator('[data-test=kind-form]').waitFor()
      await assertNoOverflow(page, 'the service form')
      await page.screenshot({ path: join(SCREENSHOTS, 'imports-service-form-390.png'), fullPage: true })
    },
    { width: 390, height: 844 },
  )
})

test('a file of more than 2,000 rows runs as a job: the page follows it to its report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyuan-import-'))
  const rows = Array.from({ length: 2001 }, (_, i) => [`批量检测服务${i + 1}`, '测试', '新材料', '300元/样', '朝阳区', '王老师'])
  const path = join(dir, '服务产品-大.csv')
  writeFileSync(path, '\uFEFF' + [HEADER, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n')
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.goto(`${BASE_URL}/workbench/imports?kind=service`)
    await page.locator('[data-test=imp-file]').setInputFiles(path)
    const queued = page.waitForResponse((r) => r.url().includes('/api/v1/imports?') && r.request().method() === 'POST')
    await page.locator('[data-test=imp-check]').click()
    assert.equal((await queued).status(), 202)
    await page.locator('[data-test=imp-report]').waitFor({ timeout: 120_000 })
    assert.equal(await count(page, '[data-test=imp-report]', 'created'), 2001)
    assert.equal(await count(page, '[data-test=imp-report]', 'refused'), 0)
  })
})

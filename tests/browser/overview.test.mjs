// The city overview (城市概况, issue 20) for the people who run the platform: the operator opens it
// from the menu, sees the tiles and charts, drills into 海淀区 by its bar (the breadcrumbs and the
// back button follow), opens a unit and downloads the workbook; a district officer sees only its
// district, without a district selector; a unit administrator is not offered the page and is told
// it may not look when opening it anyway. Screenshots at 1366×768 and 390 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, approvedInstrument, assertNoOverflow, login, textOf, withBrowser } from './support.mjs'

const NAME = `原子力显微镜 ${Date.now() % 100000}`

/** Waits for the overview's figures and their charts, each drawn on its canvas. */
async function overviewShown(page) {
  await page.locator('[data-test=ov-tiles]').waitFor()
  await page.locator('[data-test=ov-months-chart] canvas').waitFor()
  await page.locator('[data-test=ov-kinds-bars] canvas').waitFor()
}

const tileValue = async (page, key) => textOf(page.locator(`[data-test=ov-tile-${key}] [data-test=ov-tile-value]`))

test('the operator reads the city, drills into 海淀区 and a unit, and downloads the workbook', async () => {
  // Something to count: an approved instrument of unit1's organisation (海淀区, 教育).
  await approvedInstrument(NAME, 'NX20')
  await withBrowser(
    async (page) => {
      await login(page, 'operator1')
      await page.locator('[data-test=nav-overview]').click()
      await page.waitForURL(/\/overview$/)
      await overviewShown(page)
      // The figures are at most 5 s stale: reload until the instrument is counted.
      for (let i = 0; i < 15 && Number(await tileValue(page, 'approved')) < 1; i++) {
        await page.waitForTimeout(1000)
        await page.reload()
        await overviewShown(page)
      }
      assert.ok(Number(await tileValue(page, 'approved')) >= 1, 'the approved instrument is counted')
      assert.ok(Number(await tileValue(page, 'units')) >= 2, 'the units of the city are counted')
      assert.match(await tileValue(page, 'rate'), /%|—/)
      await page.locator('[data-test=ov-district-bars] canvas').waitFor()
      await page.locator('[data-test=ov-department-bars] canvas').waitFor()
      await page.locator('[data-test=ov-district-table] th', { hasText: '海淀区' }).waitFor({ state: 'attached' })
      assert.equal(await textOf(page.locator('[data-test=ov-crumbs]')), '全市')
      assert.match(await textOf(page.locator('[data-test=ov-units-note]')), /共 \d+ 个单位/)
      await page.screenshot({ path: join(SCREENSHOTS, 'overview-city.png'), fullPage: true })

      // A click on a district's bar narrows to that district (which one depends on what the other
      // test files registered before this one: the chart's middle row).
      const bars = page.locator('[data-test=ov-district-bars]')
      await bars.scrollIntoViewIfNeeded()
      await bars.click()
      await page.waitForURL(/[?&]district=\d{6}/)
      await page.locator('[data-test=ov-crumb-district]').waitFor()
      assert.equal(await page.locator('[data-test=ov-crumb-district]').getAttribute('aria-current'), 'page')
      // The breakdown by district would be one bar: gone.
      await page.locator('[data-test=ov-district]').waitFor({ state: 'detached' })
      // The back button returns to the city, forward to the district again.
      await page.goBack()
      await page.locator('[data-test=ov-district]').waitFor()
      assert.equal(await page.locator('[data-test=ov-crumb-district]').count(), 0)
      await page.goForward()
      await page.locator('[data-test=ov-crumb-district]').waitFor()
      // 海淀区 by its address (the scope lives in the URL).
      await page.goto(`${BASE_URL}/overview?district=110108`)
      await page.locator('[data-test=ov-crumb-district]', { hasText: '海淀区' }).waitFor()

      // The workbook of the scope: a download of an xlsx file.
      const link = page.locator('[data-test=ov-download-xlsx]')
      const href = await link.getAttribute('href')
      assert.match(href, /format=xlsx/)
      assert.match(href, /district=110108/)
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
      assert.match(download.suggestedFilename(), /\.xlsx$/)
      const xlsx = await page.request.get(new URL(href, BASE_URL).href)
      assert.equal(xlsx.status(), 200)
      assert.match(xlsx.headers()['content-type'], /spreadsheetml/)
      const csv = await page.request.get(new URL(await page.locator('[data-test=ov-download-csv-units]').getAttribute('href'), BASE_URL).href)
      assert.equal(csv.status(), 200)
      assert.match(csv.headers()['content-type'], /text\/csv/)
      assert.match(await csv.text(), /北京示范大学/)

      // The unit: its crumb, and the search for its published instruments.
      await page.locator('[data-test=ov-unit-link]', { hasText: '北京示范大学' }).click()
      await page.waitForURL(/org_id=\d+/)
      await page.locator('[data-test=ov-crumb-org]', { hasText: '北京示范大学' }).waitFor()
      // Its district's crumb leads back up to the district, in the same year.
      assert.match(await page.locator('[data-test=ov-crumb-district]').getAttribute('href'), /^\/overview\?year=\d{4}&district=110108$/)
      const list = page.locator('[data-test=ov-unit-list-instrument]')
      assert.match(await list.getAttribute('href'), /type=instrument/)
      await page.screenshot({ path: join(SCREENSHOTS, 'overview-unit.png'), fullPage: true })
      // Back up to the city by its crumb.
      await page.locator('[data-test=ov-crumb-city]').click()
      await page.locator('[data-test=ov-district]').waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'overview-1366.png') })
    },
    { width: 1366, height: 768 },
  )
})

test('on a phone the overview fits the width: the tiles wrap, the table scrolls in its box', async () => {
  await withBrowser(
    async (page) => {
      await login(page, 'operator1')
      await page.goto(`${BASE_URL}/overview`)
      await overviewShown(page)
      await page.locator('[data-test=ov-district-bars] canvas').waitFor()
      await assertNoOverflow(page, 'overview at 390 px')
      await page.screenshot({ path: join(SCREENSHOTS, 'overview-phone.png'), fullPage: true })
    },
    { width: 390, height: 844 },
  )
})

test('a district officer sees its district only; a department reviewer its department', async () => {
  await withBrowser(async (page) => {
    await login(page, 'district1')
    await page.locator('[data-test=nav-overview]').click()
    await overviewShown(page)
    assert.equal(await textOf(page.locator('[data-test=ov-crumbs]')), '海淀区')
    assert.equal(await page.locator('[data-test=ov-filter-district]').count(), 0)
    await page.locator('[data-test=ov-filter-department]').waitFor()
    await page.locator('[data-test=ov-unit-link]', { hasText: '北京示范大学' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'overview-district.png'), fullPage: true })
    // Another district is refused by the server, and said so.
    await page.goto(`${BASE_URL}/overview?district=110105`)
    await page.locator('[data-test=ov-error]', { hasText: '无权查看该范围' }).waitFor()
    await page.locator('[data-test=ov-back-to-own]').click()
    await page.locator('[data-test=ov-crumb-district]', { hasText: '海淀区' }).waitFor()
  })
  await withBrowser(async (page) => {
    await login(page, 'reviewer1')
    await page.goto(`${BASE_URL}/overview`)
    await overviewShown(page)
    await page.locator('[data-test=ov-crumb-department]').waitFor()
    assert.equal(await page.locator('[data-test=ov-filter-department]').count(), 0)
    assert.equal(await page.locator('[data-test=ov-crumb-city]').count(), 0)
  })
})

test('a unit administrator is not offered the overview, and is told so when opening it', async () => {
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.locator('[data-test=nav-workbench]').waitFor()
    assert.equal(await page.locator('[data-test=nav-overview]').count(), 0)
    await page.goto(`${BASE_URL}/overview`)
    await page.locator('[data-test=ov-forbidden]', { hasText: '无权查看该范围' }).waitFor()
    assert.equal(await page.locator('[data-test=ov-tiles]').count(), 0)
  })
})

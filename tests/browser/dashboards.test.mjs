// The public dashboard on the home page (issue 20): a visitor sees the figures by kind; after unit1
// registers an instrument and reviewer1 approves it (through the API), the instrument tile and the
// newest list show it within the figures' staleness (at most 5 s); the newest link opens its page
// and the tile its search tab. On a phone (390 px) the page has no horizontal overflow.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, approvedInstrument, assertNoOverflow, textOf, withBrowser } from './support.mjs'

const NAME = `场发射透射电子显微镜 ${Date.now() % 100000}`

async function homeFigures() {
  const r = await fetch(`${BASE_URL}/api/v1/dashboards/home`)
  assert.equal(r.status, 200)
  return r.json()
}

const instrumentCount = async (page) =>
  Number((await textOf(page.locator('[data-test=dash-tile-instrument] [data-test=dash-tile-count]'))).replace(/,/g, ''))

/** Reloads the home page until `done(page)` holds: the figures are at most 5 s stale. */
async function untilFigures(page, done) {
  const deadline = Date.now() + 15_000
  for (;;) {
    await page.goto(`${BASE_URL}/`)
    await page.locator('[data-test=dash-tiles]').waitFor()
    if (await done(page)) return
    if (Date.now() > deadline) assert.fail('the dashboard did not catch up within 15 s')
    await page.waitForTimeout(1000)
  }
}

test('a visitor sees the figures, and a newly approved instrument in them within seconds', async () => {
  await withBrowser(
    async (page) => {
      const before = await homeFigures()
      await page.goto(`${BASE_URL}/`)
      const tiles = page.locator('[data-test=dash-tiles]')
      await tiles.waitFor()
      // Every kind the server counts has its tile, and the year's deliveries theirs.
      for (const k of before.kinds) await tiles.locator(`[data-test=dash-tile-${k.kind}]`).waitFor()
      assert.match(await textOf(page.locator('[data-test=dash-tile-deliveries]')), new RegExp(`${before.year} 年已交付服务`))
      assert.match(await textOf(page.locator('[data-test=dash-tile-instrument]')), /仪器设施/)
      const count = await instrumentCount(page)
      assert.equal(count, before.kinds.find((k) => k.kind === 'instrument').count)
      // A fresh platform says so instead of drawing empty charts.
      const fresh = before.newest.length === 0 && before.deliveries_this_year === 0 && before.kinds.every((k) => k.count === 0)
      if (fresh) await page.locator('[data-test=dash-empty]').getByText('平台刚刚起步').waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-before.png'), fullPage: true })

      // In 海淀区, of an industry of the high-tech catalogue (3921: 新一代信息技术).
      const id = await approvedInstrument(NAME, 'JEM-F200', { district_code: '110108', industry_codes: ['3921'] })
      const newest = page.locator('[data-test=dash-newest-item] a', { hasText: NAME })
      await untilFigures(page, async (p) => (await instrumentCount(p)) === count + 1 && (await newest.count()) === 1)
      assert.equal(await page.locator('[data-test=dash-empty]').count(), 0)
      // The charts' text alternatives count the instrument's district and industry.
      await page.locator('[data-test=dash-district-table] th', { hasText: '海淀区' }).waitFor({ state: 'attached' })
      await page.locator('[data-test=dash-industry-table] th', { hasText: '新一代信息技术' }).waitFor({ state: 'attached' })
      await page.locator('[data-test=dash-industry-bars] canvas').waitFor()
      await page.locator('[data-test=dash-district-map] canvas, [data-test=dash-district-bars] canvas').first().waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-after.png'), fullPage: true })

      // The newest resource opens its page; the tile opens the instruments' search tab.
      await newest.click()
      await page.waitForURL(new RegExp(`/instruments/${id}$`))
      await page.getByText(NAME).first().waitFor()
      await page.goto(`${BASE_URL}/`)
      await page.locator('[data-test=dash-tile-instrument]').click()
      await page.waitForURL(/\/\?type=instrument$/)
      await page.locator('[data-test=result]', { hasText: NAME }).waitFor()
      // A search, filter or tab is no longer the landing page: the figures give way to the results.
      assert.equal(await page.locator('[data-test=dashboard]').count(), 0)

      // By keyboard: the tiles are links in the tab order.
      await page.goto(`${BASE_URL}/`)
      await page.locator('[data-test=dash-tiles]').waitFor()
      await page.locator('[data-test=search-button]').focus()
      let reached = false
      for (let i = 0; i < 10 && !reached; i++) {
        await page.keyboard.press('Tab')
        reached = await page.evaluate(() => document.activeElement?.getAttribute('data-test')?.startsWith('dash-tile-') ?? false)
      }
      assert.ok(reached, 'a tile is reached by Tab after the search button')
    },
    { width: 1366, height: 768 },
  )
})

test('on a phone the dashboard fits the width; in English it speaks English', async () => {
  await withBrowser(
    async (page) => {
      await page.goto(`${BASE_URL}/`)
      await page.locator('[data-test=dash-tiles]').waitFor()
      // The charts when there are figures (the previous test made some), each drawn on its canvas.
      if ((await homeFigures()).by_district.length) {
        await page.locator('[data-test=dash-district-map] canvas, [data-test=dash-district-bars] canvas').first().waitFor()
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(width <= 390, `the home page is ${width}px wide at 390 px`)
      await assertNoOverflow(page, 'home page at 390 px')
      await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-phone.png'), fullPage: true })

      await page.evaluate(() => localStorage.setItem('keyuan.locale', 'en'))
      await page.reload()
      await page.getByRole('heading', { name: 'The platform at a glance' }).waitFor()
      assert.match(await textOf(page.locator('[data-test=dash-tile-instrument]')), /Instruments/)
    },
    { width: 390, height: 844 },
  )
})

// Photos of an instrument: the unit administrator uploads them in the form (what is not a photo is
// refused, here or by the server), saves, and the detail page shows them. run.sh starts the server
// with unit1 (unit_admin of 北京示范大学).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import zlib from 'node:zlib'
import { BASE_URL, SCREENSHOTS, apiSession, beijingDate, field, fillDate, login, pickOption, textOf, withBrowser } from './support.mjs'

/** A valid PNG of width × height pixels, RGB, a diagonal gradient: made here, no file needed. */
function png(width, height) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + 3 * width) // filter byte 0, then pixels
    for (let x = 0; x < width; x++) row.set([(x * 255) / width, (y * 255) / height, 160], 1 + 3 * x)
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const NAME = '激光共聚焦显微镜'

/** Waits until the form shows `n` photo cards (a removed card fades out before it is gone). */
async function photoCount(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-test=photo-item]').length === n, n)
}

test('a unit uploads a photo with a new instrument and the detail page shows it; what is not a photo is refused', async () => {
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.waitForURL(/\/workbench$/)
    await page.locator('[data-test=new-instrument]').click()
    await page.getByRole('heading', { name: '登记仪器设施' }).waitFor()
    await field(page, 'f-name').fill(NAME)
    await pickOption(page, 'f-class', '0101 电子光学仪器', '电子光学')
    await field(page, 'f-value').fill('1800000')
    await fillDate(page, 'acceptance_date', beijingDate(-15))
    await pickOption(page, 'f-district', '海淀区')

    const photos = page.locator('[data-test=photos]')
    const input = photos.locator('input[type=file]')
    const items = photos.locator('[data-test=photo-item]')
    const problems = photos.locator('[data-test=photo-problems]')
    await photos.scrollIntoViewIfNeeded()

    // A text file: refused before it is sent.
    let uploads = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/media')) uploads++
    })
    await input.setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片', 'utf8') })
    await problems.getByText('“说明.txt”不是 JPG、PNG 或 WebP 图片，未上传').waitFor()
    await items.first().waitFor({ state: 'detached' })
    assert.equal(uploads, 0, 'nothing was sent to the server')

    // Text that claims to be a PNG passes the check here; the server sniffs it and says 415.
    await input.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('x'.repeat(200)) })
    await problems.getByText('“fake.png”上传失败：照片须为 JPEG、PNG 或 WebP 图片').waitFor()
    assert.equal(uploads, 1)
    await items.first().waitFor({ state: 'detached' })

    // Over 1 MiB: refused here.
    await input.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(1024 * 1024 + 1) })
    await problems.getByText(/“big\.png”大小为 1\.0 MB，超过 1 MB 的上限/).waitFor()
    assert.equal(uploads, 1)

    // A real PNG: uploaded, its card shows the server's URL.
    await input.setInputFiles({ name: '外观.png', mimeType: 'image/png', buffer: png(24, 16) })
    const uploaded = items.and(page.locator('[data-url^="/api/v1/media/"]'))
    await uploaded.waitFor()
    const url = await uploaded.getAttribute('data-url')
    assert.match(url, /^\/api\/v1\/media\/[0-9a-f]{64}\.png$/)
    await photoCount(page, 1) // the refused ones leave with an animation
    await page.screenshot({ path: join(SCREENSHOTS, 'instrument-form-photos.png'), fullPage: true })

    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/instruments'))
    await page.locator('[data-test=save-draft]').click()
    const instrument = await (await created).json()
    assert.deepEqual(instrument.photos, [url])
    await page.waitForURL(/\/workbench$/)

    // The detail page shows the photo, loaded.
    await page.goto(`${BASE_URL}/instruments/${instrument.id}`)
    await page.locator('[data-test=detail-name]', { hasText: NAME }).waitFor()
    const img = page.locator('[data-test=detail-photo] img')
    await img.waitFor()
    assert.equal(await img.getAttribute('src'), url)
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle())
    assert.equal(await img.evaluate((el) => el.naturalWidth), 24)
    await page.screenshot({ path: join(SCREENSHOTS, 'instrument-detail-photos.png'), fullPage: true })

    // Editing keeps the photo; removing it and saving leaves none, and the detail page says so.
    await page.goto(`${BASE_URL}/workbench/instruments/${instrument.id}/edit`)
    await items.and(page.locator(`[data-url="${url}"]`)).waitFor()
    await items.first().hover()
    await items.first().locator('[data-test=photo-remove]').click()
    await photoCount(page, 0)
    const patched = page.waitForResponse((r) => r.request().method() === 'PATCH')
    await page.locator('[data-test=save-draft]').click()
    assert.deepEqual((await (await patched).json()).photos, [])
    await page.waitForURL(/\/workbench$/)
    await page.goto(`${BASE_URL}/instruments/${instrument.id}`)
    await page.locator('[data-test=detail-no-photos]').waitFor()
    assert.match(await textOf(page.locator('[data-test=detail-photos]')), /暂无照片/)
  })
})

test('search results show the photo of an approved instrument as a thumbnail', async () => {
  // Set up through the API: the unit uploads a photo and registers an instrument with it; the
  // department approves it.
  const unit = await apiSession('unit1')
  const reviewer = await apiSession('reviewer1')
  const uploaded = await unit('POST', '/media', png(120, 90), 'image/png')
  assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body))
  const url = uploaded.body.url
  const created = await unit('POST', '/instruments', {
    name: '原子力显微镜',
    class_code: '0101',
    model: 'THUMB-AFM-1',
    manufacturer: 'Bruker',
    original_value_fen: 180000000,
    purchase_date: beijingDate(-60),
    acceptance_date: beijingDate(-30),
    district_code: '110108',
    open_status: 'open',
    industry_codes: ['7320'],
    photos: [url],
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const id = created.body.id
  assert.equal((await unit('POST', `/instruments/${id}/submit`)).status, 200)
  const approved = await reviewer('POST', `/instruments/${id}/approve`)
  assert.equal(approved.status, 200, JSON.stringify(approved.body))

  await withBrowser(async (page) => {
    // A visitor searches by model number until the index has caught up (within a moment).
    const result = page.locator('[data-test=result]', { hasText: '原子力显微镜' })
    for (let attempt = 0; ; attempt++) {
      await page.goto(`${BASE_URL}/?q=THUMB-AFM-1`)
      try {
        await result.waitFor({ timeout: 1500 })
        break
      } catch (e) {
        if (attempt >= 10) throw e
      }
    }
    const img = result.locator('[data-test=result-photo]')
    assert.equal(await img.getAttribute('src'), url)
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle())
    assert.equal(await img.evaluate((el) => el.naturalWidth), 120)
    await page.screenshot({ path: join(SCREENSHOTS, 'search-thumbnail.png'), fullPage: true })
    // The photo leads to the instrument, as the title does.
    await img.click()
    await page.waitForURL(new RegExp(`/instruments/${id}$`))
  })
})

// Shared helpers: Debian's Chromium in a fresh profile, logging in through the UI, dates.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'

export const BASE_URL = process.env.KEYUAN_URL ?? 'http://127.0.0.1:8080'
export const PASSWORD = process.env.KEYUAN_PASSWORD ?? 'Str0ng!Passphrase'
export const SCREENSHOTS = process.env.KEYUAN_SCREENSHOTS ?? tmpdir()
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

/** Runs one SQL statement on the server's database (sqlite3 or psql): how a test lets time pass. */
export function runSql(sql) {
  const url = process.env.KEYUAN_DB_URL ?? ''
  if (url.startsWith('sqlite:')) execFileSync('sqlite3', [url.slice('sqlite:'.length), sql])
  else execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql])
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Runs `fn(page)` in a new Chromium with a new temporary profile, and always closes it. */
export async function withBrowser(fn, { width = 1366, height = 900 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'keyuan-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width, height },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  context.setDefaultTimeout(15_000)
  // Transitions and animations finish at once: a click waits for its target to stand still, and
  // Element Plus fades and zooms nearly everything (a quarter of a second each, many times a test).
  // What is checked is where things end up, never how they move.
  await context.addInitScript(() => {
    const style = () => {
      const s = document.createElement('style')
      s.textContent =
        '*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important; ' +
        'animation-duration: 0s !important; animation-delay: 0s !important; }'
      document.head.appendChild(s)
    }
    if (document.head) style()
    else document.addEventListener('DOMContentLoaded', style)
  })
  const errors = []
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    page.on('pageerror', (e) => errors.push(e))
    await fn(page)
    if (errors.length) throw new Error(`uncaught errors in the page: ${errors.map((e) => e.message).join('; ')}`)
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

/** The input or textarea marked data-test=ID (Element Plus puts the attribute on the <input> itself). */
export function field(page, testId) {
  return page
    .locator(
      `input[data-test=${testId}], textarea[data-test=${testId}], [data-test=${testId}] input, [data-test=${testId}] textarea`,
    )
    .first()
}

export async function login(page, username) {
  await page.goto(`${BASE_URL}/login`)
  await field(page, 'login-username').fill(username)
  await field(page, 'login-password').fill(PASSWORD)
  await page.locator('[data-test=login-submit]').click()
  await page.locator('[data-test=user-menu]').waitFor()
}

export async function logout(page) {
  await page.locator('[data-test=user-menu]').click()
  await page.locator('[data-test=logout]').click()
  await page.locator('[data-test=nav-login]').waitFor()
}

/** YYYY-MM-DD for today + days in Beijing. */
export function beijingDate(days = 0) {
  const ms = Date.now() + 8 * 3600_000 + days * 86400_000
  return new Date(ms).toISOString().slice(0, 10)
}

/** Fills the Element Plus date picker of form field `name` by typing, as a person can. */
export async function fillDate(page, name, value) {
  const input = page.locator(`[data-field=${name}] input`).first()
  await input.click()
  await input.fill(value)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

/** Picks an option of an Element Plus select: opens it, optionally filters by typing, clicks the option. */
export async function pickOption(page, testId, optionText, filter) {
  const select = page.locator(`[data-test=${testId}]`)
  await select.click()
  if (filter) await page.keyboard.type(filter)
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: optionText }).first().click()
}

/** The text a person reads in an element, with whitespace collapsed. */
export async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim()
}

/** Logs `username` in through the API (no browser), for setting up data: `call(method, path, body)`
 * sends JSON with the session cookie and the CSRF header and answers {status, body}; a Buffer
 * body goes as it is, with `contentType`. */
export async function apiSession(username) {
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  if (!login.ok) throw new Error(`API login of ${username}: HTTP ${login.status}`)
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const { csrf_token: csrf } = await login.json()
  return async function call(method, path, body, contentType = 'application/json') {
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = contentType
    const raw = Buffer.isBuffer(body)
    const r = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    })
    const text = await r.text()
    return { status: r.status, body: text ? JSON.parse(text) : null }
  }
}

/** An achievement of unit1's organisation, registered, submitted and approved (reviewer1) through
 * the API; `fields` overrides the defaults. Answers its id. */
export async function approvedAchievement(fields) {
  const unit = await apiSession('unit1')
  const body = { class: 'development_industrialization', funding: 'fiscal', secret: false, statuses: ['1'], industry_codes: ['3825'] }
  const created = await unit('POST', '/achievements', { ...body, ...fields })
  if (created.status !== 201) throw new Error(`achievement not created: ${JSON.stringify(created.body)}`)
  const id = created.body.id
  if ((await unit('POST', `/achievements/${id}/submit`, {})).status !== 200) throw new Error('achievement not submitted')
  const reviewer = await apiSession('reviewer1')
  if ((await reviewer('POST', `/achievements/${id}/approve`, {})).status !== 200) throw new Error('achievement not approved')
  return id
}

/** An 18-character unified social credit code with its check character (GB 32100-2015). */
export function creditCode(first17) {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += chars.indexOf(first17[i]) * (3 ** i % 31)
  return first17 + chars[(31 - (sum % 31)) % 31]
}

/** A minimal .xlsx (one sheet, text cells) as a Buffer: what a person saves from Excel or WPS,
 * reduced to the parts a reader needs. The zip stores its entries uncompressed. */
export function xlsx(rows) {
  const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const column = (i) => String.fromCharCode(65 + i)
  const sheet = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">` +
        cells
          .map((v, c) => `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`)
          .join('') +
        '</row>',
    )
    .join('')
  const ns = 'http://schemas.openxmlformats.org'
  const parts = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" ` +
      `xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml':
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
  }
  return storedZip(Object.entries(parts).map(([name, text]) => [name, Buffer.from(text, 'utf8')]))
}

/** A zip archive of `[name, Buffer]` entries, stored (no compression). */
function storedZip(entries) {
  const locals = []
  const centrals = []
  let offset = 0
  for (const [name, data] of entries) {
    const fileName = Buffer.from(name, 'utf8')
    const crc = zlib.crc32(data)
    const common = Buffer.alloc(26)
    common.writeUInt16LE(20, 0) // version needed
    common.writeUInt16LE(0x0800, 2) // UTF-8 names
    common.writeUInt16LE(0, 4) // stored
    common.writeUInt32LE(0, 6) // time and date
    common.writeUInt32LE(crc, 10)
    common.writeUInt32LE(data.length, 14)
    common.writeUInt32LE(data.length, 18)
    common.writeUInt16LE(fileName.length, 22)
    common.writeUInt16LE(0, 24) // extra
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, fileName, data])
    const central = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x01, 0x02, 20, 0]),
      common,
      Buffer.alloc(10), // comment length, disk, attributes
      Buffer.from(Uint32Array.of(offset).buffer),
      fileName,
    ])
    locals.push(local)
    centrals.push(central)
    offset += local.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** An approved instrument of unit1's named `name`, set up through the API (submitted, approved by
 * reviewer1); `fields` adds to or overrides the body. */
export async function approvedInstrument(name, model, fields = {}) {
  const unit = await apiSession('unit1')
  const reviewer = await apiSession('reviewer1')
  const created = await unit('POST', '/instruments', {
    name,
    class_code: '0101',
    model,
    manufacturer: 'Zeiss',
    original_value_fen: 260000000,
    purchase_date: beijingDate(-60),
    acceptance_date: beijingDate(-30),
    district_code: '110108',
    open_status: 'open',
    industry_codes: ['7320'],
    ...fields,
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const id = created.body.id
  assert.equal((await unit('POST', `/instruments/${id}/submit`)).status, 200)
  assert.equal((await reviewer('POST', `/instruments/${id}/approve`)).status, 200)
  return id
}

/** Clicks `button` in the open message box (a confirmation or a prompt). */
export async function confirmBox(page, button) {
  await page.locator('.el-message-box').getByRole('button', { name: button }).click()
}

/** Fails when the page is wider than the window (tables scroll in their own boxes). */
export async function assertNoOverflow(page, what) {
  const [wide, culprit] = await page.evaluate(() => {
    const clips = (e) => {
      for (let a = e.parentElement; a && a !== document.documentElement; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true
      return false
    }
    const past = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !clips(e))
    const outer = past.find((e) => !past.includes(e.parentElement))
    return [document.documentElement.scrollWidth, outer ? `${outer.tagName}.${outer.className}` : '']
  })
  assert.ok(wide <= (await page.evaluate(() => window.innerWidth)), `${what}: ${wide}px wide (${culprit})`)
}

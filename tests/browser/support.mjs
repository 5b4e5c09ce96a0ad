// Shared helpers: Debian's Chromium in a fresh profile, logging in through the UI, dates.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const BASE_URL = process.env.KEYUAN_URL ?? 'http://127.0.0.1:8080'
export const PASSWORD = process.env.KEYUAN_PASSWORD ?? 'Str0ng!Passphrase'
export const SCREENSHOTS = process.env.KEYUAN_SCREENSHOTS ?? tmpdir()
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

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
 * sends JSON with the session cookie and the CSRF header and answers {status, body}. */
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
  return async function call(method, path, body) {
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const r = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await r.text()
    return { status: r.status, body: text ? JSON.parse(text) : null }
  }
}

/** An 18-character unified social credit code with its check character (GB 32100-2015). */
export function creditCode(first17) {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += chars.indexOf(first17[i]) * (3 ** i % 31)
  return first17 + chars[(31 - (sum % 31)) % 31]
}

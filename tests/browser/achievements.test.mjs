// The achievement library in the web UI (issue 14): unit1 (unit_admin of 北京示范大学, department
// edu) registers an achievement, reviewer1 approves it, a visitor finds it by keyword and reads its
// page; operator1 builds and publishes a package that a visitor then reads; a secret achievement,
// registered and approved, never reaches a visitor by list, search, page, package or statistics.
// A talent's contact is masked for a visitor and revealed to an enterprise user.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, apiSession, approvedAchievement, field, login, logout, pickOption, textOf, withBrowser } from './support.mjs'

const PUBLIC_NAME = '钙钛矿叠层太阳能电池制备工艺'
const SECRET_NAME = '保密的量子密钥分发装置'
const PACKAGE_TITLE = '新能源领域推介成果'

/** Registers and approves an achievement through the API; answers its id. */
const approvedByApi = (name, secret) => approvedAchievement({ name, secret, keywords: ['量子'] })

/** Reloads `url` until `locator` shows (the search index follows the database within a moment). */
async function untilShown(page, url, locator) {
  for (let i = 0; i < 20; i++) {
    await page.goto(url)
    await page.waitForLoadState('networkidle')
    if ((await locator.count()) > 0) return
    await page.waitForTimeout(500)
  }
  assert.fail(`nothing shown at ${url}`)
}

test('a unit registers an achievement, the department approves it, a visitor finds it and reads its page', async () => {
  await withBrowser(async (page) => {
    await login(page, 'unit1')
    await page.locator('[data-test=nav-achievements]').click()
    await page.locator('[data-test=nav-ach-mine]').click()
    await page.waitForURL(/\/achievements\/mine/)
    await page.locator('[data-test=new-registration]').click()
    await page.locator('[data-test=registration-form]').waitFor()

    // An empty form: the server names every missing field, each shown at its field.
    await page.locator('[data-test=save-draft]').click()
    for (const name of ['name', 'class', 'funding', 'industry_codes', 'statuses']) {
      await page.locator(`[data-field=${name}].is-error`).waitFor()
    }
    await page.locator('[data-test=form-error]').waitFor()

    await field(page, 'f-name').fill(PUBLIC_NAME)
    await pickOption(page, 'f-class', '应用研究')
    await pickOption(page, 'f-funding', '财政资金')
    await pickOption(page, 'f-maturity', '中试阶段')
    await field(page, 'f-programme').fill('北京市科技计划')
    await field(page, 'f-keywords').fill('钙钛矿、光伏')
    await field(page, 'f-description').fill('面向光伏组件的钙钛矿叠层电池制备工艺，转换效率超过百分之二十八')
    await field(page, 'f-industry-input').fill('3825')
    await field(page, 'f-industry-input').press('Enter')
    await page.locator('[data-test=f-industry-codes]').getByText('3825').waitFor()
    await page.locator('[data-test=f-status-2]').click()
    await page.locator('[data-test=f-status-4]').click()
    await page.screenshot({ path: join(SCREENSHOTS, 'achievement-form.png'), fullPage: true })
    await page.locator('[data-test=save-submit]').click()
    await page.waitForURL(/\/achievements\/mine/)
    const mine = page.locator('[data-test=my-registrations] .el-table__row', { hasText: PUBLIC_NAME })
    await mine.locator('[data-test=status-tag]', { hasText: '待审核' }).waitFor()
    await logout(page)

    await login(page, 'reviewer1')
    await page.locator('[data-test=nav-achievements]').click()
    await page.locator('[data-test=nav-ach-review]').click()
    const pending = page.locator('[data-test=review-list] .el-table__row', { hasText: PUBLIC_NAME })
    await pending.waitFor()
    assert.match(await textOf(pending), /北京示范大学/)
    await pending.locator('[data-test=approve]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '通过' }).click()
    await page.locator('[data-test=review-list]').getByText('暂无待审核的登记').waitFor()
    await logout(page)

    // A visitor: the library by keyword, then the page with its number and status meanings.
    await page.goto(`${BASE_URL}/achievements`)
    await page.locator('[data-test=transformation-legend]').getByText('仅在研究方面获得成效').waitFor()
    await field(page, 'ach-keyword').fill('钙钛矿')
    await page.locator('[data-test=ach-search]').click()
    await page.waitForURL(/q=/)
    await page.locator('[data-test=achievement-name]', { hasText: PUBLIC_NAME }).click()
    await page.locator('[data-test=achievement-title]', { hasText: PUBLIC_NAME }).waitFor()
    const statuses = await textOf(page.locator('[data-test=transformation-statuses]'))
    assert.match(statuses, /2 — 已被其他企业应用/)
    assert.match(statuses, /4 — 仅在研究方面获得成效/)
    assert.match(await textOf(page.locator('.el-descriptions')), /110\d{9}/)
    // By transformation status too.
    await page.goto(`${BASE_URL}/achievements?transformation=2`)
    await page.locator('[data-test=achievement-name]', { hasText: PUBLIC_NAME }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'achievement-page.png'), fullPage: true })
  })
})

test('a secret achievement never reaches a visitor: list, search, page, package, statistics', async () => {
  const secretId = await approvedByApi(SECRET_NAME, true)
  const openId = await approvedByApi('公开的量子密钥分发装置', false)
  await withBrowser(async (page) => {
    // The common search finds the public one, never the secret one.
    const open = page.locator('[data-test=result]', { hasText: '公开的量子密钥分发装置' })
    await untilShown(page, `${BASE_URL}/?q=${encodeURIComponent('量子密钥分发')}`, open)
    assert.equal(await page.getByText(SECRET_NAME).count(), 0)
    // The achievements tab offers their own facets: class and transformation status, each counted
    // without the secret one (one public achievement matches).
    await page.getByRole('tab', { name: '科技成果' }).click()
    await page.waitForURL(/type=achievement/)
    const status = page.locator('[data-test=facet-status-1]')
    await status.waitFor()
    assert.match(await status.innerText(), /1 — [\s\S]*\b1$/)
    await page.locator('[data-test=facet-class_code-development_industrialization]', { hasText: '1' }).waitFor()
    await status.click()
    await page.waitForURL(/status=1/)
    await open.waitFor()
    assert.equal(await page.getByText(SECRET_NAME).count(), 0)

    // The library's list.
    await page.goto(`${BASE_URL}/achievements?q=${encodeURIComponent('量子密钥')}`)
    await page.locator('[data-test=achievement-name]', { hasText: '公开的量子密钥分发装置' }).waitFor()
    assert.equal(await page.locator('[data-test=achievement-name]', { hasText: SECRET_NAME }).count(), 0)

    // Its page by id is not found.
    await page.goto(`${BASE_URL}/achievements/${secretId}`)
    await page.locator('[data-test=achievement-error]', { hasText: '成果不存在或未公开' }).waitFor()
    assert.equal(await page.getByText(SECRET_NAME).count(), 0)

    // The statistics count the public ones only: every approved one but the secret.
    const operator = await apiSession('operator1')
    const all = await operator('GET', '/achievements?status=all&page_size=100')
    const approved = all.body.items.filter((a) => a.status === 'approved')
    assert.ok(approved.some((a) => a.id === secretId))
    await page.goto(`${BASE_URL}/achievements/statistics`)
    const total = page.locator('[data-test=stats-total]')
    await total.waitFor()
    assert.equal(Number(await textOf(total)), approved.length - 1)
    await page.locator('[data-test=stats-chart-class] canvas').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'achievement-statistics.png'), fullPage: true })

    // The package builder does not offer it, and the server refuses it on a package.
    await login(page, 'operator1')
    await page.goto(`${BASE_URL}/achievements/packages`)
    await page.locator('[data-test=new-package]').click()
    await field(page, 'package-title-input').fill('保密检查清单')
    await page.locator('[data-test=package-dialog-save]').click()
    await page.waitForURL(/\/achievements\/packages\/\d+\/edit/)
    await field(page, 'builder-keyword').fill('量子密钥')
    await page.locator('[data-test=builder-search]').click()
    await page.locator('[data-test=builder-found]').getByText('公开的量子密钥分发装置').waitFor()
    assert.equal(await page.locator('[data-test=builder-found]').getByText(SECRET_NAME).count(), 0)
    const packageId = page.url().match(/packages\/(\d+)\/edit/)[1]
    const refused = await operator('PUT', `/achievement-packages/${packageId}/items`, {
      achievement_ids: [secretId, openId],
      version: 1,
    })
    assert.equal(refused.status, 422, JSON.stringify(refused.body))
    assert.deepEqual(
      refused.body.error.fields.map((f) => f.field),
      ['achievement_ids'],
    )
  })
})

test('the operator builds and publishes a package, a visitor reads and exports it', async () => {
  await withBrowser(async (page) => {
    await login(page, 'operator1')
    await page.locator('[data-test=nav-achievements]').click()
    await page.locator('[data-test=nav-ach-builder]').click()
    await page.locator('[data-test=new-package]').click()
    await field(page, 'package-title-input').fill(PACKAGE_TITLE)
    await pickOption(page, 'package-field', '新能源汽车')
    await page.locator('[data-test=package-dialog-save]').click()
    await page.waitForURL(/\/achievements\/packages\/\d+\/edit/)

    await field(page, 'builder-keyword').fill('钙钛矿')
    await page.locator('[data-test=builder-search]').click()
    const addPublic = async () => {
      await page.locator('[data-test=builder-found] .el-table__row', { hasText: PUBLIC_NAME }).locator('[data-test=builder-add]').click()
      await page.locator('[data-test=package-items]').getByText(PUBLIC_NAME).waitFor()
    }
    await addPublic()

    // Someone else changes the package meanwhile: saving is refused (409) and the page offers a reload.
    const packageId = page.url().match(/packages\/(\d+)\/edit/)[1]
    const operator = await apiSession('operator1')
    const renamed = await operator('PATCH', `/achievement-packages/${packageId}`, { description: '由他人补充的说明', version: 1 })
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body))
    await page.locator('[data-test=package-save]').click()
    const conflict = page.locator('.el-message-box', { hasText: '已被他人修改' })
    await conflict.waitFor()
    await conflict.getByRole('button', { name: '重新加载' }).click()
    await page.locator('[data-test=package-items]').getByText('尚未加入成果').waitFor()

    await addPublic()
    await page.locator('[data-test=package-save]').click()
    await page.locator('.el-message', { hasText: '清单已保存' }).waitFor()
    await page.locator('[data-test=package-publish]').click()
    await page.locator('[data-test=package-state]', { hasText: '已发布' }).waitFor()
    await logout(page)

    await page.goto(`${BASE_URL}/packages`)
    await page.locator('[data-test=package-card]', { hasText: PACKAGE_TITLE }).click()
    await page.locator('[data-test=package-title]', { hasText: PACKAGE_TITLE }).waitFor()
    await page.locator('[data-test=package-items]').getByText(PUBLIC_NAME).waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=package-csv]').click()])
    const csv = readFileSync(await download.path(), 'utf8')
    assert.match(csv, /成果名称/)
    assert.ok(csv.includes(PUBLIC_NAME))
    assert.ok(!csv.includes(SECRET_NAME))
    await page.screenshot({ path: join(SCREENSHOTS, 'achievement-package.png'), fullPage: true })
  })
})

test("a talent's and a team's contact is masked for a visitor and revealed to an enterprise user", async () => {
  const unit = await apiSession('unit1')
  const created = await unit('POST', '/talents', {
    name: '李明远',
    title: '研究员',
    specialties: '钙钛矿薄膜沉积',
    contact_phone: '13812345678',
    contact_email: 'li.mingyuan@example.cn',
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const id = created.body.id
  assert.equal((await unit('POST', `/talents/${id}/submit`, {})).status, 200)
  const reviewer = await apiSession('reviewer1')
  assert.equal((await reviewer('POST', `/talents/${id}/approve`, {})).status, 200)
  await withBrowser(async (page) => {
    // The unit registers the team in its form, each member with a role.
    await login(page, 'unit1')
    await page.goto(`${BASE_URL}/achievements/mine/team/new`)
    await field(page, 'f-name').fill('钙钛矿光伏研发团队')
    const noDropdown = () => page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden' })
    await pickOption(page, 'f-lead_talent_id', '李明远')
    await noDropdown()
    await pickOption(page, 'f-member_ids', '李明远')
    await page.keyboard.press('Escape')
    await noDropdown()
    await field(page, 'f-member-role').fill('首席科学家')
    await page.locator('[data-test=save-draft]').click()
    await page.waitForURL(/\/achievements\/mine/)
    const teams = await unit('GET', '/teams?status=all&q=' + encodeURIComponent('钙钛矿光伏研发团队'))
    const teamId = teams.body.items[0].id
    assert.deepEqual((await unit('GET', `/teams/${teamId}`)).body.members, [{ talent_id: id, role: '首席科学家' }])
    assert.equal((await unit('POST', `/teams/${teamId}/submit`, {})).status, 200)
    assert.equal((await reviewer('POST', `/teams/${teamId}/approve`, {})).status, 200)
    await logout(page)

    await page.goto(`${BASE_URL}/talents/${id}`)
    const phone = page.locator('[data-test=contact-phone]')
    await phone.waitFor()
    assert.ok(!(await textOf(phone)).includes('13812345678'))
    await page.locator('[data-test=show-contact]').click()
    await page.locator('[data-test=contact-sign-in]').waitFor()

    // The team's page names its lead and members; its contact is the lead's, masked as well.
    await page.goto(`${BASE_URL}/teams/${teamId}`)
    await page.locator('[data-test=team-member]', { hasText: '李明远（首席科学家）' }).waitFor()
    assert.ok(!(await textOf(page.locator('[data-test=contact-phone]'))).includes('13812345678'))

    await login(page, 'company1')
    await page.goto(`${BASE_URL}/talents/${id}`)
    await page.locator('[data-test=show-contact]').click()
    await page.locator('[data-test=contact-phone]', { hasText: '13812345678' }).waitFor()
  })
})

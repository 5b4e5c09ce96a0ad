// The security administrator's page (账户与授权): a grant of 平台运营 asked by one security
// administrator waits, cannot be confirmed by the one who asked, and takes effect when a second
// security administrator confirms (issue 11, defect 5). run.sh creates sec1 and sec2
// (security_admin) and grantee (expert).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { SCREENSHOTS, login, logout, withBrowser } from './support.mjs'

async function openGrants(page) {
  await page.locator('.el-tabs__item', { hasText: '待确认授权' }).click()
}

test('an operator grant needs a second security administrator', async () => {
  await withBrowser(async (page) => {
    await login(page, 'sec1')
    await page.locator('[data-test=nav-security]').click()
    await page.waitForURL(/\/security$/)
    await page.getByRole('heading', { name: '账户与授权' }).waitFor()
    // Nobody edits their own roles: the button is disabled on sec1's own row.
    const ownRow = page.locator('.el-table__row', { hasText: 'sec1' }).first()
    assert.ok(await ownRow.locator('button[disabled]').count(), 'own roles are not editable')

    await page.locator('[data-test=edit-roles-grantee]').click()
    await page.locator('[data-test=role-operator]').click()
    await page.locator('[data-test=save-roles]').click()
    await page.getByText('已提交，待另一位安全管理员确认后生效').waitFor()
    await page.locator('[data-test=pending-grantee]').waitFor()
    assert.equal((await page.locator('[data-test=roles-grantee]').textContent()).trim(), '专家')

    await openGrants(page)
    await page.locator('[data-test=blocked-grantee]').waitFor()
    assert.equal(await page.locator('[data-test=confirm-grantee]').count(), 0, 'the one who asked cannot confirm')
    await page.screenshot({ path: join(SCREENSHOTS, 'security-grant-waiting.png'), fullPage: true })
    await logout(page)

    await login(page, 'sec2')
    await page.locator('[data-test=nav-security]').click()
    await openGrants(page)
    await page.locator('[data-test=confirm-grantee]').click()
    await page.getByText('已确认，角色已生效').waitFor()
    await page.locator('.el-tabs__item', { hasText: '账户' }).first().click()
    await page.locator('[data-test=roles-grantee]', { hasText: '专家、平台运营' }).waitFor()
    await page.locator('[data-test=pending-grantee]').waitFor({ state: 'detached' })
    await page.screenshot({ path: join(SCREENSHOTS, 'security-grant-confirmed.png'), fullPage: true })
  })
})

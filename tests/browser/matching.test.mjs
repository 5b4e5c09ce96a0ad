// The technology market end to end in the web UI (issue 18, "done means"): unit1's university
// registers an achievement; company1 publishes a demand that district1 approves; on the demand's
// page company1 sees the achievement first among the suggestions with its reasons, saves it and
// contacts the university; unit1 finds the demand among those it could answer and the message in
// its inbox; broker2 takes the demand up; unit1 files the contract with the demand, the achievement
// and the broker, district1 registers it on the contract's page; the contract shows its number and
// broker, the statistics count it, the map draws it, and the achievement is no longer research
// only. Set-up that other tests already drive through pages goes over the API. Screenshots at 1366
// and 390 px wide.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE_URL, SCREENSHOTS, apiSession, approvedAchievement, assertNoOverflow, beijingDate, field, login, logout, textOf, withBrowser } from './support.mjs'

const ACHIEVEMENT = '硫化物固态电解质界面包覆改性技术'
const DEMAND = '固态锂电池界面阻抗过大寻求改性技术'

async function publishedDemand() {
  const company = await apiSession('company1')
  const created = await company('POST', '/tech-demands', {
    title: DEMAND,
    description: '我公司试制的硫化物固态锂电池界面阻抗过大、循环寿命短，寻求固态电解质界面改性技术转让或联合开发',
    district_code: '110108',
    deadline: beijingDate(90),
    cooperation_forms: ['transfer', 'development'],
    industry_codes: ['3841'],
    contact_name: '李工',
    contact_phone: '13800001111',
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const id = created.body.id
  assert.equal((await company('POST', `/tech-demands/${id}/submit`, {})).status, 200)
  const district = await apiSession('district1')
  assert.equal((await district('POST', `/tech-demands/${id}/approve`, {})).status, 200)
  return id
}

async function activeBroker() {
  const broker = await apiSession('broker2')
  let profile = await broker('GET', '/tech-brokers/me')
  if (profile.status !== 200) {
    profile = await broker('POST', '/tech-brokers', {
      name: '市场经纪人',
      certificate_no: 'JSJJ-MATCH-1',
      level: 'senior',
      issuing_body: '北京技术市场协会',
      valid_until: beijingDate(400),
      industry_codes: ['3841'],
      district_codes: ['110108'],
    })
    assert.equal(profile.status, 201, JSON.stringify(profile.body))
  }
  if (profile.body.status !== 'active') {
    const operator = await apiSession('operator1')
    assert.equal((await operator('POST', `/tech-brokers/${profile.body.id}/activate`, {})).status, 200)
  }
  return profile.body.id
}

test('a demand matched to an achievement, brokered, contracted, registered and counted', async () => {
  const achievement = await approvedAchievement({
    name: ACHIEVEMENT,
    description: '以原子层沉积包覆正极颗粒，降低硫化物固态电解质与正极的界面阻抗，固态锂电池循环寿命提升三倍',
    statuses: ['4'],
    industry_codes: ['3841'],
  })
  const demand = await publishedDemand()

  await withBrowser(async (page) => {
    await login(page, 'company1')
    await page.goto(`${BASE_URL}/tech-demands/${demand}`)
    const card = page.locator('[data-test=demand-matches]').last()
    // The index takes the approval within a second or two.
    await card.locator('[data-test=match-title]', { hasText: ACHIEVEMENT }).first().waitFor({ timeout: 15000 })
    assert.equal(await textOf(card.locator('[data-test=match-title]').first()), ACHIEVEMENT, 'the achievement comes first')
    const first = card.locator('[data-test=match]').first()
    const reasons = await textOf(first.locator('[data-test=match-reason]').first())
    assert.match(reasons, /内容相近/, reasons)
    await first.locator('[data-test=match-save]').click()
    await first.locator('[data-test=match-mark]', { hasText: '已收藏' }).waitFor()
    await first.locator('[data-test=match-contact]').click()
    await page.locator('[data-test=match-message]').fill('贵校的界面包覆技术与我们的需求契合，希望约时间交流转让事宜')
    await page.locator('[data-test=match-send]').click()
    await first.locator('[data-test=match-mark]', { hasText: '已联系' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'matching-demand-1366.png'), fullPage: true })
    // The one 技术市场 menu, its three groups with the entries of an enterprise.
    await page.locator('[data-test=nav-tech-market]').click()
    for (const group of ['td', 'ch', 'tc']) await page.locator(`[data-test=nav-group-${group}]`).waitFor()
    await page.locator('[data-test=nav-ch-mine]').waitFor()
    assert.equal(await page.locator('[data-test=nav-ch-manage]').count(), 0, 'the publisher’s list is not an enterprise’s')
    await page.waitForTimeout(400) // the menu fades in
    await page.screenshot({ path: join(SCREENSHOTS, 'tech-market-menu-1366.png') })
    await page.keyboard.press('Escape')
    // On a phone: the card fits, nothing runs off the side.
    await page.setViewportSize({ width: 390, height: 900 })
    await page.reload()
    await card.locator('[data-test=match-title]', { hasText: ACHIEVEMENT }).first().waitFor()
    await assertNoOverflow(page, 'demand page with its matches at 390')
    await card.scrollIntoViewIfNeeded()
    await card.screenshot({ path: join(SCREENSHOTS, 'matching-card-390.png') })
    await page.screenshot({ path: join(SCREENSHOTS, 'matching-demand-390.png') })
    await page.setViewportSize({ width: 1366, height: 900 })
    await logout(page)

    await login(page, 'unit1')
    await page.locator('[data-test=nav-tech-market]').click()
    await page.locator('[data-test=nav-td-matching]').click()
    await page.locator('[data-test=matching-demand-title]', { hasText: DEMAND }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'matching-provider-1366.png'), fullPage: true })
    await logout(page)
  })

  // The broker takes it up; unit1 files the contract (pages for these are the contracts' and demands'
  // own tests); district1 registers it on the contract's page.
  const broker = await activeBroker()
  const company = await apiSession('company1')
  const asked = await company('POST', `/tech-demands/${demand}/brokers`, { broker_id: broker })
  assert.equal(asked.status, 201, JSON.stringify(asked.body))
  const brokerSession = await apiSession('broker2')
  assert.equal((await brokerSession('POST', `/tech-broker-assignments/${asked.body.id}/accept`, {})).status, 200)
  const unit = await apiSession('unit1')
  const filed = await unit('POST', '/tech-contracts', {
    project_name: '硫化物固态电解质界面改性专利权转让',
    type: '技术转让',
    subtype: '专利权转让',
    signed_on: beijingDate(-2),
    total_fen: 60_000_000,
    tech_amount_fen: 50_000_000,
    field_code: 'new_energy',
    industry_code: '3841',
    ip_types: ['patent'],
    expected_investment_fen: 100_000_000,
    expected_output_fen: 500_000_000,
    achievement_id: achievement,
    demand_id: demand,
    broker_id: broker,
    parties: [
      { role: 'seller', name: '北京示范大学', credit_code: '121100004000000014', entity_type: '022', country_code: '142', division_code: '110108' },
      { role: 'buyer', name: '北京示范科技有限公司', credit_code: '91110108MA0000001D', entity_type: '150', country_code: '142', division_code: '110108' },
    ],
    instalments: [{ due_on: beijingDate(30), amount_fen: 60_000_000 }],
  })
  assert.equal(filed.status, 201, JSON.stringify(filed.body))
  const contract = filed.body.id
  const text = await unit('POST', `/tech-contracts/${contract}/attachments?name=contract.pdf&purpose=contract_text`, Buffer.from('%PDF-1.7 contract'), 'application/octet-stream')
  assert.equal(text.status, 201, JSON.stringify(text.body))
  assert.equal((await unit('POST', `/tech-contracts/${contract}/submit`, {})).status, 200)

  await withBrowser(async (page) => {
    await login(page, 'district1')
    await page.goto(`${BASE_URL}/tech-contracts/${contract}`)
    await page.locator('[data-test=tc-register]').click()
    await field(page, 'tc-income').fill('500000')
    await page.locator('[data-test=tc-register-dialog] [data-test=tc-register-confirm]').click()
    await page.locator('[data-test=tc-registration-no]').waitFor()
    const number = (await textOf(page.locator('[data-test=tc-registration-no]'))).replace(/\D/g, '')
    assert.equal(number.length, 16, `a 16-digit number: ${number}`)
    await page.locator('[data-test=tc-broker]', { hasText: '市场经纪人' }).waitFor()
    await logout(page)
  })

  for (const width of [1366, 390]) {
    await withBrowser(
      async (page) => {
        await page.goto(`${BASE_URL}/tech-market/statistics`)
        await page.locator('[data-test=tc-stats-name]').first().waitFor()
        await assertNoOverflow(page, `statistics at ${width}`)
        await page.screenshot({ path: join(SCREENSHOTS, `market-statistics-${width}.png`), fullPage: true })
        await page.goto(`${BASE_URL}/tech-market/map`)
        await page.locator('[data-test=tc-flows]').waitFor()
        await page.screenshot({ path: join(SCREENSHOTS, `market-map-${width}.png`), fullPage: true })
        await page.goto(`${BASE_URL}/achievements/${achievement}`)
        await page.locator('[data-test=achievement-title]', { hasText: ACHIEVEMENT }).waitFor()
      },
      { width, height: 900 },
    )
  }
  // Counted and transformed, as the pages show them.
  const stats = await (await fetch(`${BASE_URL}/api/v1/tech-market/statistics?group=field`)).json()
  assert.ok(stats.items.some((row) => row.key === 'new_energy' && row.count >= 1), JSON.stringify(stats))
  const after = await (await fetch(`${BASE_URL}/api/v1/achievements/${achievement}`)).json()
  assert.ok(!after.statuses.includes('4') && after.statuses.some((s) => ['1', '2', '3'].includes(s)), JSON.stringify(after.statuses))
})

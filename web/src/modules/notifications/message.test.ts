import { afterEach, describe, expect, it } from 'vitest'
import { session } from '@/shared/session'
import type { Notification } from '@/modules/notifications/types'
import { linkOf, messageOf } from './message'

const notice = (kind: string, params: Notification['params'] = {}): Notification => ({
  id: '1',
  kind,
  params: { order_id: '7', service_id: '3', service_name: '材料成分检测', ...params },
  created_at: '',
  read_at: null,
})

afterEach(() => {
  session.user = null
})

describe('order notifications', () => {
  it('name the service, and the price of a quote in 元', () => {
    expect(messageOf(notice('order_requested'))).toBe('新的服务订单：材料成分检测')
    expect(messageOf(notice('order_quoted', { quote_fen: 120050 }))).toBe('订单已报价：材料成分检测，1,200.50 元')
    expect(messageOf(notice('order_please_rate'))).toBe('请评价本次服务：材料成分检测')
  })

  it("lead to the side's list: the unit's desk for what the unit must answer, the client's orders otherwise", () => {
    expect(linkOf(notice('order_requested'))).toBe('/orders/desk')
    expect(linkOf(notice('order_confirmed'))).toBe('/orders/desk')
    expect(linkOf(notice('order_quoted'))).toBe('/orders')
    expect(linkOf(notice('order_cancelled'))).toBe('/orders')
    session.user = { roles: ['unit_admin'] } as unknown as typeof session.user
    expect(linkOf(notice('order_cancelled'))).toBe('/orders/desk')
  })
})

describe('evaluation notifications', () => {
  it('name the request (and the score of a completed one) and lead to its page', () => {
    const assigned = notice('evaluation_assigned', { evaluation_id: '12', title: '钙钛矿电池', method: 'professional_review' })
    expect(messageOf(assigned)).toBe('新的成果评价任务：钙钛矿电池')
    expect(linkOf(assigned)).toBe('/evaluations/12')
    const completed = notice('evaluation_completed', { evaluation_id: '12', title: '钙钛矿电池', score: 81, level: 'good' })
    expect(messageOf(completed)).toBe('成果评价已完成：钙钛矿电池，81 分')
  })
})

describe('assessment notifications', () => {
  it('name the year, the deadline or the amount and lead to the score card or the rectifications', () => {
    const opened = notice('assessment_opened', { year: 2026, result_id: '31' })
    expect(messageOf(opened)).toBe('2026 年度开放共享评价已开启：请核对本单位的计算结果')
    expect(linkOf(opened)).toBe('/assessment/results/31')
    const overdue = notice('assessment_rectification_overdue', { rectification_id: '4', due_on: '2027-06-30' })
    expect(messageOf(overdue)).toBe('整改已逾期（期限 2027-06-30）：请尽快提交整改报告')
    expect(linkOf(overdue)).toBe('/rectifications')
    expect(messageOf(notice('assessment_subsidy_approved', { amount_fen: 3_000_000 }))).toBe('开放共享后补贴已批准：30,000.00 元')
  })
})

describe('annual report notifications', () => {
  it('name the year, the due date, the count or the reason and lead to the reports or the one returned', () => {
    const due = notice('annual_report_due', { year: 2025, level: 'unit', mark: 't14', due_on: '2026-03-31', count: 1 })
    expect(messageOf(due)).toBe('2025 年度科技成果转化年度报告 2026-03-31 截止，本单位尚未提交')
    expect(linkOf(due)).toBe('/annual-reports')
    const forward = notice('annual_report_forward_due', { year: 2025, level: 'department', mark: 't3', due_on: '2026-04-30', count: 3 })
    expect(messageOf(forward)).toBe('2025 年度科技成果转化年度报告 2026-04-30 前须报送，尚有 3 份未报送')
    const returned = notice('annual_report_returned', { year: 2025, report_id: '7', reason: '金额不符' })
    expect(messageOf(returned)).toBe('2025 年度科技成果转化年度报告被退回：金额不符')
    expect(linkOf(returned)).toBe('/annual-reports/7')
  })
})

describe('issue 17 notifications', () => {
  it("lead an expert to the subject's page, or to the list for a kind this UI does not know", () => {
    const assigned = notice('expert_assigned', { kind: 'purchase_check', subject_id: '9', title: '高分辨质谱仪' })
    expect(messageOf(assigned)).toBe('新的评审任务：高分辨质谱仪')
    expect(linkOf(assigned)).toBe('/purchase-checks/9')
    expect(linkOf(notice('expert_assigned', { kind: 'annual_report', subject_id: '4', title: '年报' }))).toBe('/annual-reports/4')
    expect(linkOf(notice('expert_assigned', { kind: 'unknown', subject_id: '4', title: 'x' }))).toBe('/expert-assignments')
    expect(linkOf(notice('expert_assigned', { kind: 'challenge_application', subject_id: '5', title: '揭榜' }))).toBe('/challenge-applications/5')
    expect(linkOf(notice('challenge_chosen', { challenge_id: '3', title: '揭榜' }))).toBe('/challenges/3')
  })

  it('tell the unit the decision in words and of a return, and lead to the check', () => {
    const decided = notice('purchase_check_decided', { check_id: '5', name: '高分辨质谱仪', status: 'sharing_advised' })
    expect(messageOf(decided)).toBe('购置查重已有决定：高分辨质谱仪，建议共享现有仪器')
    expect(linkOf(decided)).toBe('/purchase-checks/5')
    const returned = notice('purchase_check_returned', { check_id: '5', name: '高分辨质谱仪', reason: '缺少报价' })
    // The reason is shown under the sentence by the inbox (inbox.reason), not in it.
    expect(messageOf(returned)).toBe('购置查重被退回：高分辨质谱仪')
    expect(linkOf(returned)).toBe('/purchase-checks/5')
    const submitted = notice('purchase_check_submitted', { check_id: '5', name: '高分辨质谱仪' })
    expect(messageOf(submitted)).toBe('新的购置查重待审：高分辨质谱仪')
    expect(linkOf(submitted)).toBe('/purchase-checks/5')
  })
})

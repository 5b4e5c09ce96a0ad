import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ElFormItem } from 'element-plus'
import { ApiError } from '@/shared/api'
import { panelApi } from '@/modules/panels/api'
import type { Reviews } from '@/modules/panels/types'
import ExpertPanel from './ExpertPanel.vue'

afterEach(() => vi.restoreAllMocks())

const CRITERIA = [
  { key: 'necessity', name_zh: '必要性', name_en: 'Necessity', max_points: 40 },
  { key: 'relevance', name_zh: '学科相关性', name_en: 'Relevance', max_points: 30 },
]
const RECOMMENDATIONS = [
  { value: 'purchase', label: '建议购置' },
  { value: 'defer', label: '暂缓购置' },
]
const scored = (n: number, name: string) => ({
  status: 'scored' as const,
  assigned_at: '2026-12-01T00:00:00Z',
  expert_user_id: String(n),
  expert_name: name,
  expert_org_name: '',
  scores: { necessity: 30, relevance: 20 },
  total: 50,
  recommendation: 'purchase',
  opinion: '同类仪器机时已饱和，购置必要。',
  scored_at: '2026-12-02T00:00:00Z',
})

function mountWith(reviews: Reviews, actions: string[] = []) {
  vi.spyOn(panelApi, 'reviews').mockResolvedValue(reviews)
  return mount(ExpertPanel, {
    props: { base: '/api/v1/purchase-checks', id: '7', actions, recommendations: RECOMMENDATIONS, scoringStates: ['in_review'] },
    attachTo: document.body,
  })
}

describe('ExpertPanel', () => {
  it('shows a decider every expert with scores, the summary and the withdrawal of one not scored yet', async () => {
    const pending = { ...scored(3, '王专家'), status: 'assigned' as const, scores: null, total: null, recommendation: null, opinion: null, scored_at: null }
    const wrapper = mountWith(
      {
        criteria: CRITERIA,
        min_experts: 3,
        visible: 'all',
        state: 'in_review',
        items: [scored(1, '李专家'), pending],
        summary: { experts: 2, scored: 1, average_total: 50, by_criterion: { necessity: 30, relevance: 20 }, recommendations: { purchase: 1 } },
      },
      ['assign_experts'],
    )
    await flushPromises()
    expect(wrapper.findAll('[data-test=panel-expert]').map((e) => e.text())).toEqual(['李专家', '王专家'])
    expect(wrapper.find('[data-test=panel-average]').text()).toBe('50')
    expect(wrapper.find('[data-test=panel-votes]').text()).toContain('建议购置 1')
    expect(wrapper.findAll('[data-test=panel-withdraw]')).toHaveLength(1)
    expect(wrapper.find('[data-test=panel-assign]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('gives the assigned expert the card, checks it before sending, and sends whole points', async () => {
    const mine = { ...scored(5, '赵专家'), status: 'assigned' as const, scores: null, total: null, recommendation: null, opinion: null, scored_at: null }
    const wrapper = mountWith({ criteria: CRITERIA, min_experts: 3, visible: 'own', state: 'in_review', items: [mine] })
    const score = vi.spyOn(panelApi, 'score').mockResolvedValue({})
    await flushPromises()
    expect(wrapper.find('[data-test=panel-table]').exists()).toBe(false)
    await wrapper.find('[data-test=score-submit]').trigger('click')
    await flushPromises()
    expect(score).not.toHaveBeenCalled()
    expect(wrapper.find('[data-test=scoring-error]').exists()).toBe(true)
    // The messages go to the form items' error (their text zooms in: the prop, not the text).
    const errors = wrapper.findAllComponents(ElFormItem).map((c) => c.props('error'))
    expect(errors).toEqual(['须为 0 至满分的整数', '须为 0 至满分的整数', '请选择评审建议', '评审意见须为 10 至 4000 个字'])
    wrapper.unmount()
  })

  it('shows the server refusing a second scoring', async () => {
    const mine = { ...scored(5, '赵专家'), status: 'assigned' as const, scores: null, total: null, recommendation: null, opinion: null, scored_at: null }
    const wrapper = mountWith({ criteria: CRITERIA, min_experts: 3, visible: 'own', state: 'in_review', items: [mine] })
    const score = vi.spyOn(panelApi, 'score').mockRejectedValue(new ApiError(409, 'conflict', '评审意见已提交，不能重复提交'))
    await flushPromises()
    const form = wrapper.findComponent({ name: 'ScoringForm' })
    const draft = (form.vm.$ as unknown as { setupState: { draft: { scores: Record<string, number>; recommendation: string; opinion: string } } }).setupState.draft
    draft.scores.necessity = 35
    draft.scores.relevance = 25
    draft.recommendation = 'purchase'
    draft.opinion = '同类仪器机时已饱和，购置必要。'
    await wrapper.find('[data-test=score-submit]').trigger('click')
    await flushPromises()
    expect(score).toHaveBeenCalledWith('/api/v1/purchase-checks', '7', {
      scores: { necessity: 35, relevance: 25 },
      recommendation: 'purchase',
      opinion: '同类仪器机时已饱和，购置必要。',
    })
    expect(wrapper.text()).toContain('评审意见已提交，不能重复提交')
    wrapper.unmount()
  })

  it('tells the applicant the panel is at work until the decision, then shows the opinions numbered', async () => {
    let wrapper = mountWith({ criteria: CRITERIA, min_experts: 3, visible: 'none', state: 'in_review', items: [] })
    await flushPromises()
    expect(wrapper.find('[data-test=panel-hidden]').exists()).toBe(true)
    wrapper.unmount()
    vi.restoreAllMocks()
    const numbered = { ...scored(1, ''), expert_user_id: undefined, expert_name: undefined, expert_org_name: undefined, expert_number: 2 }
    wrapper = mountWith({ criteria: CRITERIA, min_experts: 3, visible: 'opinions', state: 'recommended', items: [numbered] })
    await flushPromises()
    expect(wrapper.find('[data-test=panel-expert]').text()).toBe('专家 2')
    expect(wrapper.find('[data-test=panel-opinion]').text()).toBe('同类仪器机时已饱和，购置必要。')
    expect(wrapper.find('[data-test=panel-withdraw]').exists()).toBe(false)
    wrapper.unmount()
  })
})

import { describe, expect, it } from 'vitest'
import { emptyDraft, maxTotal, scoringBody, scoringProblems, totalOf, votesText } from '@/modules/panels/scoring'
import { subjectLink } from '@/modules/panels/kinds'
import { apiPath } from '@/modules/panels/api'

const CRITERIA = [
  { key: 'necessity', name_zh: '必要性', name_en: 'Necessity', max_points: 40 },
  { key: 'relevance', name_zh: '学科相关性', name_en: 'Relevance', max_points: 30 },
]

describe('scoring form', () => {
  it('names every missing or out-of-range score, the recommendation and a short opinion', () => {
    const draft = emptyDraft(CRITERIA)
    draft.scores.necessity = 41
    draft.opinion = '太短'
    expect(scoringProblems(CRITERIA, draft, true)).toEqual({
      'scores.necessity': 'panel.score.pointsRange',
      'scores.relevance': 'panel.score.pointsRange',
      recommendation: 'panel.score.pickRecommendation',
      opinion: 'panel.score.opinionLength',
    })
  })

  it('refuses fractions and negatives, accepts the bounds', () => {
    const draft = { scores: { necessity: 2.5, relevance: -1 }, recommendation: '', opinion: '同类仪器机时已饱和，购置必要。' }
    expect(Object.keys(scoringProblems(CRITERIA, draft, false))).toEqual(['scores.necessity', 'scores.relevance'])
    draft.scores = { necessity: 40, relevance: 0 }
    expect(scoringProblems(CRITERIA, draft, false)).toEqual({})
  })

  it('counts the opinion in characters, not UTF-16 units, and trims it', () => {
    const draft = { scores: { necessity: 1, relevance: 1 }, recommendation: 'x', opinion: '   一二三四五六七八九   ' }
    expect(scoringProblems(CRITERIA, draft, true).opinion).toBe('panel.score.opinionLength')
    draft.opinion = '一二三四五六七八九十'
    expect(scoringProblems(CRITERIA, draft, true)).toEqual({})
  })

  it('sums, and builds the body with the recommendation only when the kind asks one', () => {
    const draft = { scores: { necessity: 35, relevance: 25 }, recommendation: 'purchase', opinion: ' 同类仪器机时已饱和，购置必要。 ' }
    expect(totalOf(draft)).toBe(60)
    expect(maxTotal(CRITERIA)).toBe(70)
    expect(scoringBody(CRITERIA, draft, true)).toEqual({
      scores: { necessity: 35, relevance: 25 },
      recommendation: 'purchase',
      opinion: '同类仪器机时已饱和，购置必要。',
    })
    expect(scoringBody(CRITERIA, draft, false)).not.toHaveProperty('recommendation')
  })

  it('lists the votes most first, labelled', () => {
    const summary = { experts: 3, scored: 3, average_total: 80, by_criterion: {}, recommendations: { defer: 1, purchase: 2 } }
    expect(votesText(summary, (v) => v.toUpperCase())).toBe('PURCHASE 2 · DEFER 1')
    expect(votesText(undefined, (v) => v)).toBe('')
  })
})

describe('links and paths', () => {
  it('links each kind to its page and nothing for an unknown kind', () => {
    expect(subjectLink('purchase_check', '12')).toBe('/purchase-checks/12')
    expect(subjectLink('tech_platform_assessment', '3')).toBe('/tech-platform-assessments/3')
    expect(subjectLink('annual_report', '7')).toBe('/annual-reports/7')
    expect(subjectLink('something_else', '1')).toBeNull()
  })

  it('takes the base route with or without /api/v1', () => {
    expect(apiPath('/api/v1/purchase-checks')).toBe('/purchase-checks')
    expect(apiPath('/purchase-checks/')).toBe('/purchase-checks')
  })
})

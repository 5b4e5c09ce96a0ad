// The expert's scoring form before it goes to the server: whole points within each criterion's
// maximum, a recommendation when the kind asks one, an opinion of 10 to 4,000 characters (the
// server's limits in src/modules/panels/reviews.cpp). Problems are text keys by field path, the
// same paths the server's 422 names ("scores.necessity").
import type { Criterion, PanelSummary } from '@/modules/panels/types'

export const OPINION_MIN = 10
export const OPINION_MAX = 4000

export interface ScoringDraft {
  scores: Record<string, number | null | undefined>
  recommendation: string
  opinion: string
}

export function emptyDraft(criteria: Criterion[]): ScoringDraft {
  return { scores: Object.fromEntries(criteria.map((c) => [c.key, null])), recommendation: '', opinion: '' }
}

/** Field path → text key of what is wrong; empty when the draft may be sent. */
export function scoringProblems(criteria: Criterion[], draft: ScoringDraft, asksRecommendation: boolean): Record<string, string> {
  const out: Record<string, string> = {}
  for (const c of criteria) {
    const v = draft.scores[c.key]
    if (v === null || v === undefined || !Number.isInteger(v) || v < 0 || v > c.max_points) out[`scores.${c.key}`] = 'panel.score.pointsRange'
  }
  if (asksRecommendation && !draft.recommendation) out.recommendation = 'panel.score.pickRecommendation'
  const length = [...draft.opinion.trim()].length
  if (length < OPINION_MIN || length > OPINION_MAX) out.opinion = 'panel.score.opinionLength'
  return out
}

/** The sum of the points given so far. */
export function totalOf(draft: ScoringDraft): number {
  return Object.values(draft.scores).reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0)
}

/** The most points of the whole card. */
export function maxTotal(criteria: Criterion[]): number {
  return criteria.reduce((sum, c) => sum + c.max_points, 0)
}

/** The body of POST …/reviews (only after scoringProblems found nothing). */
export function scoringBody(criteria: Criterion[], draft: ScoringDraft, asksRecommendation: boolean) {
  const scores = Object.fromEntries(criteria.map((c) => [c.key, Number(draft.scores[c.key])]))
  const body: { scores: Record<string, number>; recommendation?: string; opinion: string } = { scores, opinion: draft.opinion.trim() }
  if (asksRecommendation) body.recommendation = draft.recommendation
  return body
}

/** "purchase 2 · share_existing 1", labelled, most votes first. */
export function votesText(summary: PanelSummary | undefined, label: (value: string) => string): string {
  if (!summary) return ''
  return Object.entries(summary.recommendations)
    .sort((a, b) => b[1] - a[1])
    .map(([value, n]) => `${label(value)} ${n}`)
    .join(' · ')
}

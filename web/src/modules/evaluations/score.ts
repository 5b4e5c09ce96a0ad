// The weighted result as the server computes it (src/modules/evaluations/rules.cpp): each
// scoring's weighted total (weights sum to 100), averaged over the scorings, rounded half up;
// used for the assignee's preview and the per-assignee table.
import type { Criterion, GivenScore } from '@/modules/evaluations/types'

export type Level = 'excellent' | 'good' | 'pass' | 'fail'

/** One scoring's weighted total 0–100, or null while a criterion has no valid score. */
export function weightedTotal(criteria: Criterion[], scores: Record<string, number | null | undefined>): number | null {
  let sum = 0
  for (const c of criteria) {
    const s = scores[c.code]
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s > 100) return null
    sum += s * c.weight
  }
  return Math.floor((sum * 2 + 100) / 200) // in hundredths until here, rounded half up once
}

/** The weighted totals of each assignee's scores, in the order they were given. */
export function totalsByAssignee(criteria: Criterion[], given: GivenScore[]): Map<string, number | null> {
  const byUser = new Map<string, Record<string, number>>()
  for (const g of given) byUser.set(g.user_id, { ...(byUser.get(g.user_id) ?? {}), [g.criterion]: g.score })
  const out = new Map<string, number | null>()
  for (const [user, scores] of byUser) out.set(user, weightedTotal(criteria, scores))
  return out
}

/** The level of a result: excellent ≥ 85, good ≥ 70, pass ≥ 60, fail below. */
export function levelOf(score: number): Level {
  if (score >= 85) return 'excellent'
  if (score >= 70) return 'good'
  if (score >= 60) return 'pass'
  return 'fail'
}

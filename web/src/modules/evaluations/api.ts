// The calls of evaluation requests (/api/v1/evaluations): ask, list, read, the criteria per class,
// the operator's assignment, an assignee's scores, the result, and the generic cancel/decline steps.
import { api, type Page } from '@/shared/api'
import type { AccountRow } from '@/modules/security/types'
import type { ClassCriteria, EvaluationAction, EvaluationRequest, EvaluationView } from '@/modules/evaluations/types'

const path = (id: string) => `/evaluations/${encodeURIComponent(id)}`

/** What a unit asks for: one of its achievements, or an invention disclosure before filing. */
export type EvaluationAsk =
  | { subject: 'achievement'; achievement_id: string }
  | { subject: 'invention_disclosure'; title: string; abstract: string; class: string }

/** Either one evaluation agency or 3–15 experts. */
export type EvaluationAssignment = { agency_user_id: string } | { expert_user_ids: string[] }

export interface ScoreInput {
  criterion: string
  score: number
  comment: string
}

export const evaluationsApi = {
  list: (view: EvaluationView, query: Record<string, string | number>) =>
    api.get<Page<EvaluationRequest>>('/evaluations', { view, ...query }),
  get: (id: string) => api.get<EvaluationRequest>(path(id)),
  criteria: async () => (await api.get<{ items: ClassCriteria[] }>('/evaluations/criteria')).items,
  create: (body: EvaluationAsk) => api.post<EvaluationRequest>('/evaluations', body),
  assign: (id: string, body: EvaluationAssignment) => api.post<EvaluationRequest>(`${path(id)}/assign`, body),
  score: (id: string, scores: ScoreInput[]) => api.post<EvaluationRequest>(`${path(id)}/scores`, { scores }),
  complete: (id: string, conclusion: string) => api.post<EvaluationRequest>(`${path(id)}/complete`, { conclusion }),
  /** cancel (the unit, reason optional) or decline (the operator, reason required). */
  step: (id: string, action: Extract<EvaluationAction, 'cancel' | 'decline'>, reason: string) =>
    api.post(`${path(id)}/${action}`, reason ? { reason } : {}),
  /** Active users with the role, for the operator's assignment (GET /users?role=). */
  usersWithRole: async (role: 'expert' | 'evaluation_agency') =>
    (await api.get<Page<AccountRow>>('/users', { role, page_size: 200 })).items.filter((u) => !u.disabled),
}

// Evaluation requests as the server answers them (src/modules/evaluations/request_store.cpp).
export type EvaluationClass = 'basic_research' | 'applied_research' | 'development_industrialization'
export type EvaluationStatus = 'requested' | 'assigned' | 'scored' | 'completed' | 'cancelled' | 'declined'
export type EvaluationAction = 'assign' | 'scores' | 'complete' | 'cancel' | 'decline'

export interface Criterion {
  code: string
  weight: number
  name_zh: string
  name_en: string
}

/** One class's method and weighted criteria (GET /evaluations/criteria). */
export interface ClassCriteria {
  class: EvaluationClass
  method: string
  method_name_zh: string
  method_name_en: string
  criteria: Criterion[]
}

export interface Assignee {
  user_id: string
  name: string
  kind: 'agency' | 'expert'
  scored: boolean
  scored_at: string | null
}

/** One criterion's score by one assignee (shown once every assignee has scored). */
export interface GivenScore {
  user_id: string
  criterion: string
  score: number
  comment: string
}

export interface EvaluationRequest {
  id: string
  subject: 'achievement' | 'invention_disclosure'
  achievement_id: string | null
  title: string
  abstract: string
  org_id: string
  org_name: string
  class: EvaluationClass
  method: string
  status: EvaluationStatus
  version: number
  reason: string
  score: number | null
  level: string | null
  conclusion: string
  created_at: string
  updated_at: string
  completed_at: string | null
  criteria: Criterion[]
  assignees: Assignee[]
  scores?: GivenScore[]
  allowed_actions?: EvaluationAction[]
}

/** Which requests a list shows: the unit's, the caller's to score, or all (the operator). */
export type EvaluationView = 'mine' | 'assigned' | 'all'

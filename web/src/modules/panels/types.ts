// The panel as GET {route}/{id}/reviews and GET /expert-assignments send it (src/modules/panels).

/** One thing experts score, from 0 to max_points. */
export interface Criterion {
  key: string
  name_zh: string
  name_en: string
  max_points: number
}

/** One expert's assignment: named for deciders and the expert, numbered for the applicant. */
export interface Review {
  status: 'assigned' | 'scored' | 'withdrawn'
  assigned_at: string
  expert_user_id?: string
  expert_name?: string
  expert_org_name?: string
  expert_number?: number
  scores: Record<string, number> | null
  total: number | null
  recommendation: string | null
  opinion: string | null
  scored_at: string | null
}

export interface PanelSummary {
  experts: number
  scored: number
  average_total: number | null
  by_criterion: Record<string, number | null>
  recommendations: Record<string, number>
}

/** all: a decider; own: an assigned expert; opinions: the applicant after the decision; none: before. */
export type Visibility = 'all' | 'own' | 'opinions' | 'none'

export interface Reviews {
  criteria: Criterion[]
  min_experts: number
  visible: Visibility
  items: Review[]
  summary?: PanelSummary
  state: string
}

export interface EligibleExpert {
  user_id: string
  display_name: string
  org_name: string
  on_panel: boolean
}

export interface ExpertAssignment {
  kind: string
  subject_id: string
  title: string
  status: 'assigned' | 'scored'
  total: number | null
  assigned_at: string
  scored_at: string | null
}

/** A value an expert may recommend, with its label in the page's language. */
export interface RecommendationOption {
  value: string
  label: string
}

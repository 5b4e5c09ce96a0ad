// The panel as GET {route}/{id}/reviews and GET /expert-assignments send it (src/modules/panels):
// the shapes shared by every kind are generated from the server's description (route_docs.cpp,
// `npm run api-types`); the page of reviews is the kind's own (its criteria), written here.
import type { components } from '@/shared/api-types'

type Schemas = components['schemas']

/** One thing experts score, from 0 to max_points. */
export interface Criterion {
  key: string
  name_zh: string
  name_en: string
  max_points: number
}

/** One expert's assignment: named for deciders and the expert, numbered for the applicant. */
export type Review = Schemas['PanelReview']

export type PanelSummary = Schemas['PanelSummary']

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

export type EligibleExpert = Schemas['EligibleExpert']

export type ExpertAssignment = Schemas['ExpertAssignment']

/** A value an expert may recommend, with its label in the page's language. */
export interface RecommendationOption {
  value: string
  label: string
}

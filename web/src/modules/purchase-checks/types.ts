// A purchase check as the server sends it (src/modules/purchase_checks: check_store.cpp CheckJson,
// similar.cpp, decision_routes.cpp).
import type { Attachment } from '@/modules/attachments/types'
import type { PanelSummary } from '@/modules/panels/types'

export type CheckStatus = 'draft' | 'submitted' | 'in_review' | 'recommended' | 'sharing_advised' | 'returned' | 'withdrawn'
export type FundingSource = 'central_fiscal' | 'city_fiscal' | 'district_fiscal' | 'own' | 'other'

export interface Quote {
  supplier: string
  model: string
  price_fen: number
  note: string
}

/** The unit's text fields, as kTextFields declares them. */
export interface CheckTexts {
  name: string
  model: string
  manufacturer: string
  country: string
  key_specs: string
  purpose: string
  discipline: string
  expected_users: string
  open_plan: string
  why_not_existing: string
}

export interface LinkedInstrument {
  id: string
  linked_at: string | null
  name: string
  registered_on: string | null
  registration_due_date: string
  registered_late: boolean
}

export interface SimilarInstrument {
  instrument_id: string
  name: string
  org_id: string
  org_name: string
  district_code: string
  class_code: string
  model: string
  manufacturer: string
  tier: 'unit' | 'district' | 'city'
  likeness: number
  open_status: string
  bookable: boolean
  year: number
  effective_hours: number
  external_hours: number
  booked_hours_next_30_days: number
  saturated: boolean
}

export interface Check extends CheckTexts {
  id: string
  org_id: string
  org_name: string
  status: CheckStatus
  version: number
  reason: string
  class_code: string
  class_name: string
  budget_fen: number
  funding_source: FundingSource
  expected_hours: number
  site_ready: boolean
  running_cost_ready: boolean
  quotes: Quote[]
  required: boolean
  similar_snapshot: SimilarInstrument[] | null
  submitted_at: string | null
  decision_basis: string[] | null
  panel_summary: PanelSummary | null
  decided_at: string | null
  instrument: LinkedInstrument | null
  created_by: string
  created_at: string
  updated_at: string
  department_code: string | null
  district_code: string | null
  files: Attachment[]
  allowed_actions: string[]
}

export interface CheckListItem {
  id: string
  name: string
  org_id: string
  org_name: string
  class_code: string
  budget_fen: number
  status: CheckStatus
  required: boolean
  version: number
  submitted_at: string | null
  updated_at: string
}

export interface Similar {
  frozen_at: string | null
  items: SimilarInstrument[]
  saturation_hours: number
}

export interface CheckSettings {
  threshold_fen: number
  saturation_hours: number
  version: number
  updated_at: string
}

/** One step of the workflow engine's history (GET …/steps). */
export interface CheckStep {
  action: string
  from: string
  to: string
  actor_user_id: string | null
  reason: string
  at: string
}

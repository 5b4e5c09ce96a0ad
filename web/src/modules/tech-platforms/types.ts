// The values of /api/v1/tech-platforms and /api/v1/tech-platform-assessments (docs/design/tech-platforms.md).

export type PlatformStatus =
  | 'draft'
  | 'submitted'
  | 'returned'
  | 'district_recommended'
  | 'site_checked'
  | 'panel'
  | 'admitted'
  | 'rejected'

export type PlatformView = 'mine' | 'district' | 'all'

/** The plan's texts, in the order of seed 001 四(一). */
export const PLAN_TEXTS = [
  'name',
  'positioning',
  'goals',
  'tasks',
  'support_measures',
  'organisation',
  'mechanism',
  'site',
  'team',
  'openness',
] as const
export type PlanText = (typeof PLAN_TEXTS)[number]

/** The server's limits of each text (rules.cpp PlanFields). */
export const PLAN_LIMITS: Record<PlanText, number> = {
  name: 100,
  positioning: 2000,
  goals: 4000,
  tasks: 4000,
  support_measures: 4000,
  organisation: 2000,
  mechanism: 4000,
  site: 2000,
  team: 4000,
  openness: 2000,
}

export type PlanInput = Record<PlanText, string> & { field_id: string; instrument_ids: string[]; previous_id?: string }

export interface Label {
  title: string
  valid_from: string | null
  valid_until: string | null
  status?: 'valid' | 'expired' | 'removed'
}

export interface Platform extends Record<PlanText, string> {
  id: string
  status: PlatformStatus
  version: number
  org_id: string
  org_name: string
  district_code: string
  field_id: string
  field_name: string
  previous_id: string | null
  plan_version: number
  reason: string
  instruments: { id: string; name: string }[]
  site_check: { result: 'pass' | 'fail'; findings: string | null; at: string | null } | null
  label: Label | null
  created_at: string
  updated_at: string
  allowed_actions?: string[]
}

export interface PlanVersion {
  plan_version: number
  plan: Record<string, unknown>
  created_by: string
  created_at: string
}

export interface Step {
  action: string
  from: string
  to: string
  actor_user_id: string | null
  reason: string
  at: string
}

export interface Figures {
  instruments: number
  open_instruments: number
  platform_instruments: number
  deliveries: number
  external_deliveries: number
  revenue_fen: number
  service_orders: number
}

export interface PlatformAssessment {
  id: string
  platform_id: string
  platform_name: string
  org_id: string
  org_name: string
  year: number
  due_on: string
  status: 'open' | 'reported' | 'panel' | 'continued' | 'rectifying' | 'removed' | 'not_submitted'
  version: number
  reason: string
  figures: Figures
  self_report: string
  reported_at: string | null
  outcome: 'continue' | 'rectify' | 'remove' | 'not_submitted' | null
  rectify_due_on: string | null
  decided_at: string | null
  criteria: { code: string; name_zh: string; name_en: string }[]
  allowed_actions?: string[]
}

export interface PublicPlatform {
  id: string
  name: string
  field_id: string
  field_name: string
  district_code: string
  district_name: string
  district_name_en: string
  org_id: string
  org_name: string
  positioning: string
  openness: string
  services: { id: string; name: string }[]
  label: Label
}

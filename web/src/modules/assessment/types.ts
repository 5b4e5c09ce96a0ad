// The assessment's objects as the API shows them (src/modules/assessment, docs/design/assessment.md).
export type CycleStatus = 'draft' | 'review' | 'evaluation' | 'consolidated' | 'published'
export type Grade = 'excellent' | 'good' | 'pass' | 'poor'
export type RuleKind = 'linear' | 'range' | 'steps'

export interface Rule {
  kind: RuleKind
  target?: number
  zero?: number
  full?: number
  steps?: { min: number; share: number }[]
}

export interface SchemeIndicator {
  code: string
  name: string
  name_en: string
  measure: string
  weight: number
  rule: Rule
}

export interface SchemeGroup {
  code: string
  name: string
  name_en: string
  indicators: SchemeIndicator[]
}

export interface Scheme {
  name: string
  source: string
  total: number
  scope: { min_original_value_fen: number }
  groups: SchemeGroup[]
  grades: { grade: Grade; min: number }[]
  tie_break: string[]
  low_rating?: { below: number; min_count: number }
  rectification_working_days: number
}

export interface Measure {
  code: string
  name: string
  name_en: string
  unit: string
  unit_en: string
  records: string
  inputs: string[]
}

export interface CycleCounts {
  units: number
  computed: number
  confirmed: number
  excellent: number
  good: number
  pass: number
  poor: number
  explanations: number
  adjusted: number
}

export interface Cycle {
  id: string
  year: number
  period_from: string
  period_to: string
  status: CycleStatus
  version: number
  scheme: Scheme
  revision: number
  computed_at: string | null
  due_on: string | null
  counts: CycleCounts
  allowed_actions: string[]
}

export interface ResultItem {
  id: string
  cycle_id: string
  year: number
  org_id: string
  org_name: string
  department_code: string
  department_name: string
  status: 'computed' | 'confirmed'
  version: number
  score: number
  computed_score: number
  grade: Grade | null
  rank: number | null
  adjusted: boolean
  explanations: number
}

export interface Adjustment {
  indicator: string
  from: number
  points: number
  reason: string
  kind: 'evaluation' | 'correction'
  revision: number | null
  by_name: string
  at: string
}

export interface CardIndicator {
  code: string
  name: string
  name_en: string
  measure: string
  unit: string
  unit_en: string
  records: string
  value: number | null
  inputs: Record<string, number>
  weight: number
  rule: Rule
  computed_points: number
  points: number
  adjustment: Adjustment | null
}

export interface CardGroup {
  code: string
  name: string
  name_en: string
  weight: number
  points: number
  indicators: CardIndicator[]
}

export interface Explanation {
  id: string
  indicator: string | null
  text: string
  author_name: string
  created_at: string
}

export interface ScoreCard extends Omit<ResultItem, 'explanations'> {
  cycle_status: CycleStatus
  provisional: boolean
  period_from: string
  period_to: string
  units_ranked: number
  figures: Record<string, number>
  groups: CardGroup[]
  explanations: Explanation[]
  adjustments: Adjustment[]
  next_grade: { grade: Grade; min: number; gap: number } | null
  allowed_actions: string[]
}

export interface WhatIfOption {
  indicator: string
  name: string
  name_en: string
  measure: string
  unit: string
  unit_en: string
  value: number | null
  needed_value: number | null
  gain_points: number
}

export interface WhatIf {
  score: number
  grade: Grade
  next_grade: { grade: Grade; min: number; gap: number } | null
  options: WhatIfOption[]
  together: { indicator: string; measure: string; needed_value: number }[]
}

export interface WhatIfAnswer {
  score: number
  grade: Grade
  indicators: { code: string; points: number }[]
}

export interface RecordsPage {
  kind: 'deliveries' | 'instruments' | 'ratings' | 'labs' | 'services'
  measure: string
  items: Record<string, unknown>[]
  total: number
  page: number
  page_size: number
}

export interface PublicRow {
  rank: number
  org_id: string
  org_name: string
  department_name: string
  department_code: string
  score: number
  grade: Grade
  groups: { code: string; name: string; name_en: string; points: number }[]
}

export interface PublicResults {
  year: number | null
  years: number[]
  revision: number | null
  published_at: string | null
  revisions: { revision: number; published_at: string; reason: string }[]
  counts?: Record<Grade, number>
  items: PublicRow[]
  total: number
  page: number
  page_size: number
}

export interface Rectification {
  id: string
  cycle_id: string
  year: number
  org_id: string
  org_name: string
  department_code: string
  status: 'required' | 'filed' | 'accepted' | 'returned'
  version: number
  reasons: { code: 'poor_grade' | 'low_rating' | 'manual'; text: string }[]
  report: string
  filed_at: string | null
  check_reason: string
  due_on: string | null
  overdue: boolean
  created_at: string
  allowed_actions: string[]
}

export interface SubsidyRule {
  grade_factors: Partial<Record<Grade, number>>
  cap_fen: number
  min_grade: Grade
}

export interface SubsidyLine {
  org_id: string
  org_name: string
  grade: Grade
  score: number
  computed_fen: number
  amount_fen: number
  override_reason: string
}

export interface SubsidyPlan {
  id: string
  cycle_id: string
  year: number
  status: 'draft' | 'recommended' | 'approved' | 'rejected' | 'withdrawn'
  version: number
  budget_fen: number
  total_fen: number
  rule: SubsidyRule
  recommended_by_name: string | null
  approved_by_name: string | null
  reason: string
  created_at: string
  lines: SubsidyLine[]
  lines_total: number
  allowed_actions: string[]
}

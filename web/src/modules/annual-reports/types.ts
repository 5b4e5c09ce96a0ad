// The shapes of /api/v1/annual-reports (docs/design/annual-reports.md).
export type ReportStatus = 'draft' | 'submitted' | 'accepted' | 'returned' | 'forwarded'
export type Mode = 'transfer' | 'license' | 'investment'

export interface ContractRow {
  mode: Mode | null
  achievement_id: string | null
  counterpart: string
  amount_fen: number
  received_fen: number
  equity_bp: number
  source: 'platform' | 'manual'
  confirmed: boolean
}

export interface TechTotal {
  count: number
  amount_fen: number
}

export interface Content {
  contracts: ContractRow[]
  tech_contracts: { development: TechTotal; consulting: TechTotal; service: TechTotal }
  income: { unit_fen: number; staff_fen: number }
  rewards: { cash_fen: number; equity_fen: number; headcount: number }
  spinoffs: { name: string; credit_code: string }[]
  offices: { name: string; kind: 'office' | 'platform' }[]
  narrative: { work_done: string; problems: string; policy: string }
  pledge: boolean
}

export type FilePurpose = 'report_pdf' | 'pledge' | 'other'

export interface ReportFile {
  id: string
  purpose: FilePurpose
  file_name: string
  content_type: string
  size_bytes: number
  uploaded_at: string
}

export interface Report {
  id: string
  org_id: string
  org_name: string
  department_code: string
  year: number
  status: ReportStatus
  version: number
  reason: string
  content: Content
  submitted_at: string | null
  forwarded_at: string | null
  created_at: string
  updated_at: string
  allowed_actions: string[]
  files: ReportFile[]
}

export interface Deadlines {
  year: number
  unit_due_on: string
  department_due_on: string
  unit_effective_on: string
  department_effective_on: string
  configured: boolean
}

export interface OverdueItem {
  level: 'unit' | 'department'
  org_id: string
  org_name: string
  department_code: string
  report_id: string | null
  status: ReportStatus | null
  due_on: string
  days_late: number
}

export interface Overdue extends Deadlines {
  today: string
  total: number
  items: OverdueItem[]
}

export interface ModeSum {
  count: number
  amount_fen: number
  received_fen: number
}

export interface StatisticsGroup {
  key: string
  label: string
  reports: number
  filed: number
  reward_cash_fen: number
  reward_equity_fen: number
  tech_amount_fen: number
}

export interface Statistics {
  from_year: number
  to_year: number
  department: string | null
  by_status: Record<ReportStatus, number>
  totals: {
    reports_filed: number
    tech_count: number
    tech_amount_fen: number
    income_unit_fen: number
    income_staff_fen: number
    reward_cash_fen: number
    reward_equity_fen: number
    reward_headcount: number
    spinoffs: number
    offices: number
    contracts: Record<Mode, ModeSum>
  }
  by_department: StatisticsGroup[]
  by_year: StatisticsGroup[]
}

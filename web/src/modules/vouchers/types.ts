// The values the vouchers API sends (src/modules/vouchers on the server). Money is whole fen;
// ids are strings; dates YYYY-MM-DD and times RFC 3339.

export type ProgrammeStatus = 'draft' | 'open' | 'closed'
export type ServiceKind = 'testing' | 'rd_design'

export interface ProgrammeInput {
  year: number
  name: string
  budget_fen: number
  share_percent: number
  cap_per_enterprise_fen: number
  cap_per_order_fen: number
  co_approval_fen: number
  use_by_days: number
  redeem_by_days: number
  max_staff: number
  max_revenue_fen: number
  max_registered_capital_fen: number
  startup_teams: boolean
  kinds: ServiceKind[]
  source: string
}

export interface Programme extends ProgrammeInput {
  id: string
  status: ProgrammeStatus
  version: number
  created_at: string
  updated_at: string
  /** Only for overseers (operator, finance bureau). */
  budget_left_fen?: number
}

export interface Provider {
  org_id: string
  name: string
  district_code: string
  admitted_at: string
  suspended: boolean
  suspend_reason: string
}

export type ApplicationStatus = 'submitted' | 'reviewed' | 'issued' | 'rejected' | 'withdrawn'
export type ApplicationAction = 'approve' | 'recommend' | 'co_approve' | 'reject' | 'withdraw'

export interface ApplicationInput {
  programme_id: string
  amount_fen: number
  staff: number
  revenue_fen: number
  registered_capital_fen: number
  founded_on: string
  startup_team?: boolean
  purpose?: string
}

export interface Application extends Omit<ApplicationInput, 'startup_team' | 'purpose'> {
  id: string
  org_id: string
  org_name?: string
  programme_name?: string
  programme_year?: number
  startup_team: boolean
  purpose: string
  status: ApplicationStatus
  reason: string
  voucher_id: string | null
  version: number
  created_at: string
  updated_at: string
  allowed_actions: ApplicationAction[]
}

export type UseStatus = 'reserved' | 'consumed' | 'released'

export interface VoucherUse {
  id: string
  voucher_id: string
  voucher_number: string
  object_kind: 'booking' | 'order'
  object_id: string
  provider_org_id: string
  provider_name: string
  client_org_id: string
  service_kind: ServiceKind
  fee_fen: number
  amount_fen: number
  consumed_fen: number
  status: UseStatus
  created_at: string
  updated_at: string
  claim_id: string | null
}

export interface Movement {
  id: string
  at: string
  from: string
  to: string
  amount_fen: number
  movement: string
  cause_type: string
  cause_id: string
  reason: string
}

export interface Voucher {
  id: string
  number: string
  programme_id: string
  programme_name?: string
  programme_year?: number
  share_percent?: number
  org_id: string
  org_name?: string
  face_fen: number
  available_fen: number
  reserved_fen: number
  paid_fen: number
  issued_at: string
  use_by: string
  redeem_by: string
  status: 'live' | 'expired'
  uses?: VoucherUse[]
  movements?: Movement[]
}

export type ClaimStatus = 'claimed' | 'approved' | 'refused' | 'settled'

export interface Claim {
  id: string
  use_id: string
  programme_id: string
  provider_org_id: string
  provider_name: string
  amount_fen: number
  invoice_no: string
  status: ClaimStatus
  reason: string
  settlement_id: string | null
  object_kind: string
  object_id: string
  voucher_number: string
  created_at: string
}

export interface Settlement {
  id: string
  payment_reference: string
  total_fen: number
  claims: number
  settled_at: string
}

export type RelationKind = 'parent' | 'shareholder' | 'same_representative'

export interface Relation {
  id: string
  org_a: string
  org_a_name: string
  org_b: string
  org_b_name: string
  kind: RelationKind
  note: string
  created_at: string
}

export interface ReportRow {
  key: string
  name: string
  count: number
  amount_fen: number
}

export interface Report {
  programme: Programme
  budget_fen: number
  budget_left_fen: number
  issued_fen: number
  expired_fen: number
  refused_fen: number
  available_fen: number
  reserved_fen: number
  earned_fen: number
  claimed_fen: number
  paid_fen: number
  vouchers: number
  enterprises_served: number
  by_kind: ReportRow[]
  by_district: ReportRow[]
  providers: ReportRow[]
}

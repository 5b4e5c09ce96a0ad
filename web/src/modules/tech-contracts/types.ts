// The shapes of technology contracts and the market's statistics as the server answers them
// (docs/design/tech-contracts.md).

export type ContractStatus = 'draft' | 'submitted' | 'returned' | 'registered' | 'refused'
export type ContractView = 'mine' | 'district' | 'filed' | 'all'
export type PartyRole = 'seller' | 'buyer' | 'other'

export interface Party {
  role: PartyRole
  name: string
  credit_code: string
  entity_type: string
  country_code: string
  division_code: string
}

export interface Instalment {
  due_on: string
  amount_fen: number
}

export interface ContractInput {
  project_name: string
  type: string
  subtype: string
  signed_on: string
  valid_from?: string
  valid_until?: string
  total_fen: number
  tech_amount_fen: number
  field_code: string
  industry_code?: string
  ip_types: string[]
  government_plan: boolean
  plan_name: string
  expected_investment_fen?: number
  expected_output_fen?: number
  achievement_id?: string
  demand_id?: string
  broker_id?: string
  /** A broker filing for a seller names its organisation. */
  seller_org_id?: string
  parties: Party[]
  instalments: Instalment[]
}

export interface Contract extends ContractInput {
  id: string
  status: ContractStatus
  version: number
  org_id: string
  org_name: string
  district_code: string
  district_name: string
  field_name: string
  demand_title: string
  broker_name: string
  contract_type_id: string
  reason: string
  submitted_on: string | null
  decision_due_on: string | null
  registration_no: string | null
  approved_income_fen: number | null
  registered_on: string | null
  created_at: string
  updated_at: string
  allowed_actions?: string[]
  overdue?: boolean
}

export interface Coded {
  code: string
  name_zh: string
  name_en: string
}

export interface Reference {
  types: { id: string; type: string; subtype: string; legal_basis: string }[]
  fields: Coded[]
  ip_types: Coded[]
  entity_types: (Coded & { class: string })[]
  provinces: (Coded & { short_name: string })[]
  districts: Coded[]
}

export const GROUPS = [
  'type',
  'subtype',
  'field',
  'district',
  'seller_district',
  'buyer_district',
  'industry',
  'month',
  'entity_type',
  'ip_type',
] as const
export type Group = (typeof GROUPS)[number]

export interface StatRow {
  key: string
  name: string
  name_en: string
  count: number
  total_fen: number
  tech_fen: number
  major_count: number
  major_total_fen: number
}

export interface Statistics {
  group: Group
  from: string
  to: string
  items: StatRow[]
  totals: StatRow
}

export interface Flow {
  from: string
  from_name: string
  to: string
  to_name: string
  scope: 'city' | 'province' | 'abroad'
  count: number
  total_fen: number
  tech_fen: number
}

export interface MarketMap {
  from: string
  to: string
  flows: Flow[]
  districts: { code: string; name: string; count: number; total_fen: number; tech_fen: number }[]
}

export interface Amounts {
  count: number
  total_fen: number
  tech_fen: number
}

export interface Monitor {
  as_of: string
  today: string
  poll_seconds: number
  contracts: {
    submitted_today: Amounts
    registered_today: Amounts
    registered_this_month: Amounts & { major_count: number }
    awaiting_registration: number
    overdue: number
  }
  demands: Record<string, number> | null
  challenges: Record<string, number> | null
  supply: { public_achievements: number }
}

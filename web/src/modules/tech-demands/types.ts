// What the server sends for technology demands, brokers, assignments and work logs
// (docs/design/tech-demands.md).

export const COOPERATION_FORMS = ['development', 'transfer', 'licence', 'consulting', 'service', 'joint_lab'] as const
export const BROKER_LEVELS = ['junior', 'intermediate', 'senior'] as const
export const WORK_KINDS = ['visit', 'matchmaking', 'negotiation', 'signing', 'other'] as const

export interface Demand {
  id: string
  org_id: string
  org_name: string
  status: string
  title: string
  description: string
  district_code: string
  budget_min_fen: number | null
  budget_max_fen: number | null
  deadline: string
  expired: boolean
  cooperation_forms: string[]
  industry_codes: string[]
  contact_name: string
  contact_phone: string
  contact_email: string
  closed_outcome: string | null
  closed_at: string | null
  review_reason: string
  version: number
  updated_at: string
  allowed_actions?: string[]
}

export interface Broker {
  id: string
  user_id: string
  org_id: string | null
  org_name: string
  name: string
  certificate_no: string
  level: string
  issuing_body: string
  valid_until: string
  introduction: string
  phone: string
  email: string
  industry_codes: string[]
  district_codes: string[]
  status: string
  reason: string
  version: number
  allowed_actions?: string[]
}

export type BrokerInput = Pick<
  Broker,
  'name' | 'certificate_no' | 'level' | 'issuing_body' | 'valid_until' | 'introduction' | 'phone' | 'email' | 'industry_codes' | 'district_codes'
> & { org_id?: string | null }

export interface Assignment {
  id: string
  demand_id: string
  demand_title: string
  broker_id: string
  broker_name: string
  broker_level: string
  status: string
  reason: string
  version: number
  created_at: string
  updated_at: string
  allowed_actions: string[]
  /** On the broker's workbench: the demand, its contact whole while accepted. */
  demand?: Demand
}

export interface WorkLogEntry {
  id: string
  assignment_id: string
  broker_id: string
  broker_name: string
  work_date: string
  kind: string
  note: string
  created_at: string
}

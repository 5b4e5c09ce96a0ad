export interface User {
  id: string
  username: string
  display_name: string
  org_id: string | null
  department_code: string
  district_code: string
  roles: string[]
  must_change_password: boolean
  totp_enabled: boolean
  second_factor_passed?: boolean
}

export interface LoginResponse {
  user: User
  csrf_token: string
  second_factor_required: boolean
  second_factor_enrolled: boolean
  must_change_password: boolean
}

export type ReviewStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'withdrawn'

export interface Instrument {
  id: string
  org_id: string
  org_name: string
  status: ReviewStatus
  review_reason: string
  version: number
  created_at: string
  updated_at: string
  name: string
  name_en: string | null
  class_code: string
  model: string | null
  manufacturer: string | null
  country: string | null
  original_value_fen: number
  purchase_date: string | null
  acceptance_date: string
  registration_due_date: string | null
  registered_on: string | null
  registered_late: boolean | null
  lab_id: string | null
  location: string | null
  district_code: string
  technical_indicators: string | null
  functions: string | null
  open_status: string
  service_modes: string[]
  fee_standard: string | null
  booking_rules: string | null
  duty_free: boolean | null
  customs_supervision_end: string | null
  photos: string[]
  contact_name: string | null
  contact_phone: string | null
  contact_email: string | null
  industry_codes: string[]
}

export interface SearchItem {
  type: string
  id: string
  title: string
  snippet: string
  score: number
  name?: string
  name_en?: string
  model?: string
  manufacturer?: string
  org_name?: string
  district_code?: string
  open_status?: string
  class_code?: string
  original_value_fen?: number
  kind?: string
  field?: string
  price_fen?: number | null
  price_unit?: string
  accreditations?: string[]
}

export interface FacetValue {
  value: string
  count: number
}

export interface SearchResponse {
  items: SearchItem[]
  total: number
  total_exact: boolean
  page: number
  page_size: number
  facets: Record<string, FacetValue[]>
  facets_exact: boolean // false: counted over the best 300 matches only
  did_you_mean: string | null
}

export interface District {
  code: string
  name: string
  name_en: string
}

export interface IndustrySuggestion {
  code: string
  name: string
  score: number
  hitech_industries: string[]
}

// Value types every module may use: the logged-in user, reference data, an object's versions.
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

export interface District {
  code: string
  name: string
  name_en: string
}

export interface Department {
  code: string
  name: string
  name_en: string
}

/** One saved version of an object (sub-category, base, organisation, resource …), from its
 * …/history: every history route answers this one shape (the server's changes::History). */
export interface ObjectVersion {
  version: number
  /** The object as it was. */
  data: Record<string, unknown>
  /** The user id of whoever saved it; null for the command line or an unknown account. */
  changed_by: string | null
  changed_at: string
}

/** A column of a history table: the object's field, or `show` to word it. */
export interface HistoryField {
  key: string
  label: string
  width?: number
  show?: (data: Record<string, unknown>) => string
}

// Catalog's value types as the server sends them.
import type { components } from '@/shared/api-types'
import type { AllowedAction } from '@/shared/kinds'

type Schemas = components['schemas']

/** The review workflow's states, as the server declares them. */
export type ReviewStatus = Schemas['Instrument']['status']

/**
 * An instrument as the server answers it (GET /api/v1/instruments/{id}): generated from its registry spec
 * (src/shared/api-types.ts, `npm run api-types`), so that a field added or changed on the server shows here. In a
 * list, for a caller who may act on instruments, `allowed_actions` says what they may do to this one now.
 */
export type Instrument = Omit<Schemas['Instrument'], 'allowed_actions'> & { allowed_actions?: AllowedAction[] }

export interface IndustrySuggestion {
  code: string
  name: string
  score: number
  hitech_industries: string[]
}

/** An industry code of GB/T 4754-2017 (level 1 section letter … level 4 four-digit class). */
export interface IndustryCode {
  code: string
  name: string
  level: number
  parent: string
}

export interface HitechSubcategory {
  id: string
  industry_id: string
  name: string
  code: string
  code_name: string
  scope: string
  version: number
}

export interface HitechIndustry {
  id: string
  name: string
  subcategories: HitechSubcategory[]
}

export interface RegistrationReportRow {
  org_id: string
  org_name: string
  department_code: string
  registered_late: number
  overdue_unregistered: number
  instruments: number
}

export interface ImportChange {
  /** The row as numbered in the spreadsheet. */
  row: number
  action: 'created' | 'updated'
  industry: string
  name: string
  code: string
  scope: string
  id?: string
}

export interface ImportResult {
  kind: string
  dry_run: boolean
  rows: number
  created: number
  updated: number
  unchanged: number
  /** What the import does (or did), row by row, unchanged rows left out; may be cut short. */
  changes?: ImportChange[]
}

export type BaseKind = 'base' | 'domain_centre'

export interface Base {
  id: string
  name: string
  kind: BaseKind
  org_id: string | null
  org_name?: string | null
  domain: string
  description: string
  finance_product_target: number
  lab_count?: number
  finance_product_count?: number
  /** Whether it lists as many approved finance products as its target; null without a target. */
  finance_target_met?: boolean | null
  version?: number
  created_at?: string
  updated_at?: string
}

export interface Organization {
  id: string
  name: string
  credit_code: string
  kind: string
  district_code: string
  department_code: string
}

/** One bar of the registration report's chart: a department's late and overdue counts. */
export interface DepartmentBar {
  label: string
  late: number
  overdue: number
}

/** The answer to POST /api/v1/media: where the uploaded photo is served from. */
export interface MediaUpload {
  url: string
  sha256: string
  content_type: string
  size_bytes: number
}

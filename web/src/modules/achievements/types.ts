// What the server answers for the achievement library (src/modules/achievements): the three
// registered kinds, packages and statistics; only the fields the pages use.
import type { WithAllowedActions } from '@/shared/kinds'

export type Kind = 'achievement' | 'talent' | 'team'
export const KINDS: Kind[] = ['achievement', 'talent', 'team']

/** What every registered object carries besides its own fields. */
export interface Registered extends WithAllowedActions {
  name: string
  org_id: string
  org_name: string
  status: string
  review_reason?: string
  version: number
  updated_at: string
  industry_codes: string[]
  [field: string]: unknown
}

export interface Achievement extends Registered {
  class: string
  maturity: string | null
  funding: string
  programme: string | null
  secret: boolean
  remarks: string | null
  keywords: string[]
  description: string | null
  registration_no: string | null
  statuses: string[]
  contact_name: string | null
  contact_phone: string | null
  contact_email: string | null
  /** The latest completed evaluation (src/modules/evaluations): absent or null when none. */
  evaluation_method?: string | null
  evaluation_score?: number | null
  evaluation_level?: string | null
  evaluation_completed_at?: string | null
}

export interface Talent extends Registered {
  title: string | null
  fields: string[]
  specialties: string | null
  description: string | null
  contact_phone: string | null
  contact_email: string | null
}

export interface Team extends Registered {
  lead_talent_id: string | null
  specialties: string | null
  description: string | null
  member_ids: string[]
  members?: { talent_id: string; role: string }[]
}

/** An achievement on a package, as the package shows it. */
export interface PackageItem {
  id: string
  name: string
  class: string
  org_name: string
  registration_no: string
}

export interface AchievementPackage {
  id: string
  title: string
  field: string
  description: string
  department_code: string | null
  status: 'draft' | 'published' | 'withdrawn'
  version: number
  created_at: string
  updated_at: string
  items: PackageItem[]
}

export type StatisticsGroup = 'class' | 'status' | 'industry' | 'organization' | 'department' | 'year'

export interface StatisticsRow {
  key: string
  name: string
  count: number
  transformed: number
  transformed_share: number
}

export interface Statistics {
  group: StatisticsGroup
  total: number
  transformed: number
  items: StatisticsRow[]
}

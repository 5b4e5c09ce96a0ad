// What matching answers (src/modules/matching, docs/design/matching.md).
export type MatchType = 'achievement' | 'service' | 'instrument' | 'lab' | 'talent'
export type ReasonCode = 'text' | 'industry' | 'industry_group' | 'district' | 'contracts' | 'rating'
export type Mark = 'saved' | 'dismissed' | 'contacted'

export interface Reason {
  code: ReasonCode
  values: string[]
}

export interface Suggestion {
  type: MatchType
  id: string
  title: string
  score: number
  reasons: Reason[]
  provider_org_id: string
  district_code: string
  mark: Mark | null
  mark_version: number | null
}

export interface MarkAnswer {
  demand_id: string
  type: MatchType
  id: string
  title: string
  mark: Mark | null
  version: number
}

export interface MatchingDemand {
  type: 'tech_demand'
  id: string
  title: string
  score: number
  reasons: Reason[]
  org_id: string
  district_code: string
}

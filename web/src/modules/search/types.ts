// Search results as the server sends them.
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
  photo?: string // the first photo stored on the platform (instruments)
}

export interface FacetValue {
  value: string
  count: number
}

export interface SearchResponse {
  items: SearchItem[]
  total: number
  total_exact: boolean // false: more than `total` (10,000) match
  page: number
  page_size: number
  facets: Record<string, FacetValue[]>
  facets_exact: boolean // false: counted over the first 10,001 matches only
  did_you_mean: string | null
}

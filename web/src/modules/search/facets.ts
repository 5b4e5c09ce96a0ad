// The search filters a person can set, and the facet of the search answer that counts each.
export const FILTERS = ['district', 'class_code', 'status', 'open_status', 'industry'] as const
export type Filter = (typeof FILTERS)[number]
export const FACET_OF: Record<Filter, string> = {
  district: 'district_code',
  class_code: 'class_code',
  status: 'status',
  open_status: 'open_status',
  industry: 'industry',
}

// The calls of the yearly open-sharing assessment: cycles and schemes, results and score cards,
// publication, rectifications and subsidy plans.
import { api, type Page } from '@/shared/api'
import type {
  Cycle,
  Measure,
  PublicResults,
  RecordsPage,
  Rectification,
  ResultItem,
  Scheme,
  ScoreCard,
  SubsidyPlan,
  SubsidyRule,
  WhatIf,
  WhatIfAnswer,
} from '@/modules/assessment/types'

const id = encodeURIComponent
const cycle = (c: string) => `/assessment-cycles/${id(c)}`
const result = (r: string) => `/assessment-results/${id(r)}`
const ifMatch = (version: number) => ({ headers: { 'If-Match': `"${version}"` } })

export const cyclesApi = {
  list: async () => (await api.get<Page<Cycle>>('/assessment-cycles', { page_size: 50 })).items,
  get: (c: string) => api.get<Cycle>(cycle(c)),
  create: (year: number) => api.post<Cycle>('/assessment-cycles', { year }),
  saveScheme: (c: string, scheme: Scheme, version: number) => api.put<Cycle>(`${cycle(c)}/scheme`, { scheme }, ifMatch(version)),
  /** open, compute, start_evaluation, consolidate, publish, return (with a reason). */
  step: (c: string, action: string, reason?: string) => api.post<Cycle>(`${cycle(c)}/${action}`, reason ? { reason } : {}),
  measures: async () => (await api.get<{ items: Measure[] }>('/assessment-measures')).items,
  defaultScheme: () => api.get<Scheme>('/assessment-schemes/default'),
  results: (c: string, query: Record<string, string | number | undefined>) =>
    api.get<Page<ResultItem>>(`${cycle(c)}/results`, query),
}

export const resultsApi = {
  card: (r: string) => api.get<ScoreCard>(result(r)),
  records: (r: string, measure: string, page: number) => api.get<RecordsPage>(`${result(r)}/records`, { measure, page, page_size: 20 }),
  whatIf: (r: string) => api.get<WhatIf>(`${result(r)}/what-if`),
  tryValues: (r: string, values: Record<string, number>) => api.post<WhatIfAnswer>(`${result(r)}/what-if`, { values }),
  explain: (r: string, text: string, indicator?: string) =>
    api.post<ScoreCard>(`${result(r)}/explanations`, indicator ? { indicator, text } : { text }),
  adjust: (r: string, version: number, indicator: string, points: number, reason: string) =>
    api.post<ScoreCard>(`${result(r)}/adjust`, { indicator, points, reason }, ifMatch(version)),
  /** confirm, or reopen with a reason. */
  step: (r: string, action: string, reason?: string) => api.post<ResultItem>(`${result(r)}/${action}`, reason ? { reason } : {}),
  reportUrl: (r: string, format: 'xlsx' | 'csv') => `/api/v1${result(r)}/report?format=${format}`,
}

export const publicApi = {
  results: (query: Record<string, string | number | undefined>) => api.get<PublicResults>('/public/assessment-results', query),
  correct: (c: string, reason: string, changes: { org_id: string; indicator: string; points: number }[]) =>
    api.post<Cycle>(`${cycle(c)}/corrections`, { reason, changes }),
}

export const rectificationsApi = {
  list: (query: Record<string, string | number | undefined>) => api.get<Page<Rectification>>('/rectifications', query),
  /** A rectification recorded by hand; without due_on the deadline is the scheme's working days. */
  create: (body: { cycle_id: string; org_id: string; reasons: string[]; due_on?: string }) =>
    api.post<Rectification>('/rectifications', body),
  file: (r: string, report: string) => api.post<Rectification>(`/rectifications/${id(r)}/file`, { report }),
  /** accept, or return with a reason. */
  check: (r: string, action: 'accept' | 'return', reason?: string) =>
    api.post(`/rectifications/${id(r)}/${action}`, reason ? { reason } : {}),
}

export const subsidyApi = {
  list: async (c: string) => (await api.get<{ items: SubsidyPlan[] }>(`${cycle(c)}/subsidy-plans`)).items,
  get: (p: string, page = 1) => api.get<SubsidyPlan>(`/subsidy-plans/${id(p)}`, { page, page_size: 50 }),
  create: (c: string, body: { budget_fen: number; rule: SubsidyRule; overrides: { org_id: string; amount_fen: number; reason: string }[] }) =>
    api.post<SubsidyPlan>(`${cycle(c)}/subsidy-plans`, body),
  /** recommend, approve, withdraw, or reject with a reason. */
  step: (p: string, action: string, reason?: string) => api.post(`/subsidy-plans/${id(p)}/${action}`, reason ? { reason } : {}),
}

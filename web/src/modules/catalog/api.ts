// Catalog's calls to the server: instruments and their review, industries, bases, the report.
import { api, type Page } from '@/shared/api'
import type {
  Base,
  HitechIndustry,
  HitechSubcategory,
  IndustryCode,
  IndustrySuggestion,
  Instrument,
  RegistrationReportRow,
} from '@/modules/catalog/types'

const instrumentPath = (id: string) => `/instruments/${encodeURIComponent(id)}`
/** The If-Match header of an update, when the object's version is known. */
const ifMatch = (version: number | undefined) => (version === undefined ? {} : { headers: { 'If-Match': String(version) } })

/** A step of the review workflow: POST /instruments/{id}/{action}; `return` needs a reason. */
export type ReviewAction = 'submit' | 'approve' | 'return' | 'withdraw'

export const instrumentsApi = {
  get: (id: string) => api.get<Instrument>(instrumentPath(id)),
  list: (query: Record<string, string | number>) => api.get<Page<Instrument>>('/instruments', query),
  create: (body: Record<string, unknown>) => api.post<Instrument>('/instruments', body),
  update: (id: string, body: Record<string, unknown>) => api.patch<Instrument>(instrumentPath(id), body),
  review: (id: string, action: ReviewAction, body?: { reason: string }) =>
    api.post(`${instrumentPath(id)}/${action}`, body),
  registrationReport: () => api.get<{ as_of: string; items: RegistrationReportRow[] }>('/instruments/registration-report'),
}

/** A testing or R&D service as GET /services/{id} shows it (the fields its page uses). */
export interface Service {
  id: string
  name: string
  kind: string
  field: string | null
  content: string | null
  parameters: string | null
  price_fen: number | null
  price_unit: string
  remarks: string | null
  org_name: string
  district_code: string | null
  contact_name: string | null
  contact_phone: string | null
  contact_email: string | null
  cnas_valid?: boolean
  cma_valid?: boolean
}

export const servicesApi = {
  get: (id: string) => api.get<Service>(`/services/${encodeURIComponent(id)}`),
}

export const industriesApi = {
  list: async () => (await api.get<{ items: HitechIndustry[] }>('/industries')).items,
  suggest: async (text: string) => (await api.get<{ items: IndustrySuggestion[] }>('/industries/suggest', { text })).items,
  codes: async (q: string) => (await api.get<{ items: IndustryCode[] }>('/industry-codes', { q })).items,
  addSubcategory: (industryId: string, body: Record<string, unknown>) =>
    api.post<HitechSubcategory>(`/industries/${encodeURIComponent(industryId)}/subcategories`, body),
  updateSubcategory: (id: string, version: number, body: Record<string, unknown>) =>
    api.patch<HitechSubcategory>(`/industry-subcategories/${encodeURIComponent(id)}`, { ...body, version }, ifMatch(version)),
}

export const basesApi = {
  list: async () => (await api.get<Page<Base> | { items: Base[] }>('/bases', { page_size: 200 })).items,
  create: (body: Record<string, unknown>) => api.post<Base>('/bases', body),
  update: (id: string, version: number | undefined, body: Record<string, unknown>) =>
    api.patch<Base>(`/bases/${encodeURIComponent(id)}`, version === undefined ? body : { ...body, version }, ifMatch(version)),
}

// The calls of innovation vouchers: programmes and their providers, applications and their review
// steps, vouchers with their uses and movements, redemption claims, settlements, relations and
// a programme's report.
import { api, type Page } from '@/shared/api'
import type {
  Application,
  ApplicationAction,
  ApplicationInput,
  Claim,
  Programme,
  ProgrammeInput,
  Provider,
  Relation,
  RelationKind,
  Report,
  Settlement,
  Voucher,
  VoucherUse,
} from '@/modules/vouchers/types'

const id = encodeURIComponent
const programme = (p: string) => `/voucher-programmes/${id(p)}`
const ALL = { page_size: 100 }

export const programmesApi = {
  list: async (status?: string) => (await api.get<Page<Programme>>('/voucher-programmes', { status, ...ALL })).items,
  get: (p: string) => api.get<Programme>(programme(p)),
  create: (body: ProgrammeInput) => api.post<Programme>('/voucher-programmes', body),
  step: (p: string, action: 'open' | 'close') => api.post<Programme>(`${programme(p)}/${action}`, {}),
  providers: async (p: string) => (await api.get<{ items: Provider[] }>(`${programme(p)}/providers`)).items,
  admit: (p: string, orgId: string) => api.post(`${programme(p)}/providers`, { org_id: orgId }),
  suspend: (p: string, orgId: string, reason: string) =>
    api.post(`${programme(p)}/providers/${id(orgId)}/suspend`, { reason }),
  report: (p: string) => api.get<Report>(`${programme(p)}/report`),
}

export const applicationsApi = {
  list: (query: { status?: string; page?: number; page_size?: number }) =>
    api.get<Page<Application>>('/voucher-applications', query),
  create: (body: ApplicationInput) => api.post<Application>('/voucher-applications', body),
  /** A review step; reject needs a reason, the others take none. */
  act: (a: string, action: ApplicationAction, reason?: string) =>
    api.post<Application>(`/voucher-applications/${id(a)}/${action}`, reason ? { reason } : {}),
}

export const vouchersApi = {
  list: async (status?: 'live' | 'expired') => (await api.get<Page<Voucher>>('/vouchers', { status, ...ALL })).items,
  get: (v: string) => api.get<Voucher>(`/vouchers/${id(v)}`),
  uses: async (view: 'client' | 'provider' | 'all', status?: string) =>
    (await api.get<{ items: VoucherUse[] }>('/voucher-uses', { view, status })).items,
}

export const claimsApi = {
  list: async (status?: string) => (await api.get<Page<Claim>>('/voucher-claims', { status, ...ALL })).items,
  create: (useId: string, invoiceNo: string) => api.post<Claim>('/voucher-claims', { use_id: useId, invoice_no: invoiceNo }),
  approve: (c: string) => api.post<Claim>(`/voucher-claims/${id(c)}/approve`, {}),
  refuse: (c: string, reason: string) => api.post<Claim>(`/voucher-claims/${id(c)}/refuse`, { reason }),
  settle: (claimIds: string[], reference: string) =>
    api.post<Settlement>('/voucher-settlements', { claim_ids: claimIds, payment_reference: reference }),
  settlements: async () => (await api.get<Page<Settlement>>('/voucher-settlements', ALL)).items,
}

export const relationsApi = {
  list: async () => (await api.get<{ items: Relation[] }>('/organization-relations')).items,
  create: (body: { org_a: string; org_b: string; kind: RelationKind; note: string }) =>
    api.post<Relation>('/organization-relations', body),
  remove: (r: string) => api.delete(`/organization-relations/${id(r)}`),
}

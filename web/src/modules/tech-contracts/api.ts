// The calls of technology contracts (registration) and of the technology market's public statistics,
// map and monitor.
import { api, buildQuery, type Page } from '@/shared/api'
import type { Contract, ContractInput, ContractView, MarketMap, Monitor, Reference, Statistics } from '@/modules/tech-contracts/types'

const path = (id: string) => `/tech-contracts/${encodeURIComponent(id)}`

export const contractsApi = {
  list: (view: ContractView, query: Record<string, string | number>) =>
    api.get<Page<Contract>>('/tech-contracts', { view, ...query }),
  get: (id: string) => api.get<Contract & { files: unknown[] }>(path(id)),
  reference: () => api.get<Reference>('/tech-contracts/reference'),
  create: (body: ContractInput) => api.post<Contract>('/tech-contracts', body),
  update: (id: string, version: number, body: ContractInput) =>
    api.patch<Contract>(path(id), body, { headers: { 'If-Match': String(version) } }),
  /** submit, withdraw, return, refuse (reason where the step needs one). */
  step: (id: string, action: string, reason = '') => api.post<Contract>(`${path(id)}/${action}`, reason ? { reason } : {}),
  register: (id: string, body: { approved_income_fen?: number; achievement_id?: string }) =>
    api.post<Contract>(`${path(id)}/register`, body),
}

export const marketApi = {
  statistics: (query: Record<string, string>) => api.get<Statistics>('/tech-market/statistics', query),
  /** The export of the same statistics (the server answers it as a download). */
  exportUrl: (query: Record<string, string>, format: 'csv' | 'xlsx') =>
    `/api/v1/tech-market/statistics${buildQuery({ ...query, format })}`,
  map: (query: Record<string, string>) => api.get<MarketMap>('/tech-market/map', query),
  monitor: () => api.get<Monitor>('/tech-market/monitor'),
}

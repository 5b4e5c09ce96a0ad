// The calls of technology demands and brokers: the demand as a registered kind (list, read, create,
// update, review and closing steps), its brokers and work log, the brokers' profiles and workbench.
import { api, type Page } from '@/shared/api'
import type { Assignment, Broker, BrokerInput, Demand, WorkLogEntry } from '@/modules/tech-demands/types'

const path = (id: string) => `/tech-demands/${encodeURIComponent(id)}`
const ifMatch = (version: number) => ({ headers: { 'If-Match': `"${version}"` } })

export const demandsApi = {
  list: (query: Record<string, string | number>) => api.get<Page<Demand>>('/tech-demands', query),
  get: (id: string) => api.get<Demand>(path(id)),
  create: (body: Record<string, unknown>) => api.post<Demand>('/tech-demands', body),
  update: (id: string, version: number, body: Record<string, unknown>) => api.patch<Demand>(path(id), body, ifMatch(version)),
  /** submit, approve, return, withdraw, solve, abandon (reason where the step needs one). */
  step: (id: string, action: string, reason = '') => api.post<Demand>(`${path(id)}/${action}`, reason ? { reason } : {}),
  actions: async (id: string) => (await api.get<{ allowed_actions: string[] }>(`${path(id)}/actions`)).allowed_actions,
  brokers: async (id: string) => (await api.get<{ items: Assignment[] }>(`${path(id)}/brokers`)).items,
  ask: (id: string, broker_id: string) => api.post<Assignment>(`${path(id)}/brokers`, { broker_id }),
  workLogs: async (id: string) => (await api.get<{ items: WorkLogEntry[] }>(`${path(id)}/work-logs`)).items,
  addWork: (id: string, body: { work_date: string; kind: string; note: string }) =>
    api.post<WorkLogEntry>(`${path(id)}/work-logs`, body),
  contact: (id: string) => api.get<{ contact_name: string; contact_phone: string; contact_email: string }>(`${path(id)}/contact`),
}

export const brokersApi = {
  /** Active ones for everyone; the operator also ?status=pending|suspended|all. */
  list: (query: Record<string, string | number>) => api.get<Page<Broker>>('/tech-brokers', query),
  get: (id: string) => api.get<Broker>(`/tech-brokers/${encodeURIComponent(id)}`),
  mine: () => api.get<Broker>('/tech-brokers/me'),
  register: (body: BrokerInput) => api.post<Broker>('/tech-brokers', body),
  update: (version: number, body: BrokerInput) => api.patch<Broker>('/tech-brokers/me', body, ifMatch(version)),
  /** activate, suspend (the operator's). */
  step: (id: string, action: string, reason = '') =>
    api.post<Broker>(`/tech-brokers/${encodeURIComponent(id)}/${action}`, reason ? { reason } : {}),
  workbench: (query: Record<string, string | number>) => api.get<Page<Assignment>>('/tech-brokers/me/demands', query),
}

export const assignmentsApi = {
  /** accept, decline (reason), end. */
  step: (id: string, action: string, reason = '') =>
    api.post<Assignment>(`/tech-broker-assignments/${encodeURIComponent(id)}/${action}`, reason ? { reason } : {}),
}

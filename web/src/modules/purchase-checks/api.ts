// The calls of purchase duplicate checks (购置查重): the record, its similar instruments, the
// workflow steps and decisions, the link to the bought instrument, and the operator's settings.
import { api, type Page } from '@/shared/api'
import type { Check, CheckListItem, CheckSettings, CheckStep, Similar } from '@/modules/purchase-checks/types'
import type { CheckBody } from '@/modules/purchase-checks/form'

export const BASE = '/purchase-checks'
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`
const ifMatch = (version: number) => ({ headers: { 'If-Match': `"${version}"` } })

export const checksApi = {
  list: (query: Record<string, string | number | undefined>) => api.get<Page<CheckListItem>>(BASE, query),
  get: (id: string) => api.get<Check>(one(id)),
  create: (body: CheckBody) => api.post<Check>(BASE, body),
  update: (id: string, version: number, body: Partial<CheckBody>) => api.patch<Check>(one(id), body, ifMatch(version)),
  similar: (id: string) => api.get<Similar>(`${one(id)}/similar`),
  steps: async (id: string) => (await api.get<{ items: CheckStep[] }>(`${one(id)}/steps`)).items,
  /** submit, start_review, withdraw, or return (with a reason). */
  step: (id: string, action: string, reason?: string) => api.post<Check>(`${one(id)}/${action}`, reason ? { reason } : {}),
  /** recommend or advise_sharing, with the rules' basis codes. */
  decide: (id: string, action: 'recommend' | 'advise_sharing', reason: string, basis: string[]) =>
    api.post<Check>(`${one(id)}/${action}`, { reason, basis }),
  link: (id: string, instrumentId: string) => api.post<Check>(`${one(id)}/instrument`, { instrument_id: instrumentId }),
  settings: () => api.get<CheckSettings>('/purchase-check-settings'),
  saveSettings: (version: number, body: { threshold_fen: number; saturation_hours: number }) =>
    api.put<CheckSettings>('/purchase-check-settings', body, ifMatch(version)),
}

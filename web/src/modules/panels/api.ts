// The calls of any kind's expert panel, under the kind's route ("/purchase-checks"), and the
// expert's own list across kinds.
import { api, type Page } from '@/shared/api'
import type { EligibleExpert, ExpertAssignment, Reviews } from '@/modules/panels/types'

/** "/api/v1/purchase-checks" or "/purchase-checks" → "/purchase-checks" (api.ts adds /api/v1). */
export function apiPath(base: string): string {
  return base.replace(/^\/api\/v1(?=\/)/, '').replace(/\/+$/, '')
}

const subject = (base: string, id: string) => `${apiPath(base)}/${encodeURIComponent(id)}`

export const panelApi = {
  reviews: (base: string, id: string) => api.get<Reviews>(`${subject(base, id)}/reviews`),
  eligible: async (base: string, id: string, q: string) =>
    (await api.get<{ items: EligibleExpert[] }>(`${subject(base, id)}/eligible-experts`, { q })).items,
  assign: (base: string, id: string, expertUserIds: string[]) =>
    api.post(`${subject(base, id)}/experts`, { expert_user_ids: expertUserIds }),
  withdraw: (base: string, id: string, userId: string) =>
    api.delete(`${subject(base, id)}/experts/${encodeURIComponent(userId)}`),
  score: (base: string, id: string, body: { scores: Record<string, number>; recommendation?: string; opinion: string }) =>
    api.post(`${subject(base, id)}/reviews`, body),
}

export const assignmentsApi = {
  list: (status: string, page: number, pageSize: number) =>
    api.get<Page<ExpertAssignment>>('/expert-assignments', { status, page, page_size: pageSize }),
}

// The calls of matching: a demand's suggestions and what its side does with them, and the demands
// the caller's unit could answer.
import { api } from '@/shared/api'
import type { MarkAnswer, MatchType, MatchingDemand, Suggestion } from '@/modules/matching/types'

const matches = (demandId: string) => `/tech-demands/${encodeURIComponent(demandId)}/matches`
const target = (demandId: string, type: MatchType, id: string) =>
  `${matches(demandId)}/${encodeURIComponent(type)}/${encodeURIComponent(id)}`

export const matchingApi = {
  list: (demandId: string, options: { types?: MatchType[]; includeDismissed?: boolean; limit?: number } = {}) =>
    api.get<{ items: Suggestion[]; can_mark: boolean }>(matches(demandId), {
      type: options.types?.length ? options.types.join(',') : undefined,
      include_dismissed: options.includeDismissed ? 'true' : undefined,
      limit: options.limit,
    }),
  mark: (demandId: string, type: MatchType, id: string, mark: 'saved' | 'dismissed', version: number | null) =>
    api.put<MarkAnswer>(target(demandId, type, id), version === null ? { mark } : { mark, version }),
  unmark: (demandId: string, type: MatchType, id: string, version: number) =>
    api.delete(target(demandId, type, id), { headers: { 'If-Match': `"${version}"` } }),
  contact: (demandId: string, type: MatchType, id: string, message: string) =>
    api.post<MarkAnswer>(`${target(demandId, type, id)}/contact`, { message }),
  demandsForMyUnit: async (limit = 20) =>
    await api.get<{ items: MatchingDemand[]; resources: number }>('/tech-market/matching-demands', { limit }),
}

// Search's calls to the server: results with facets, and completions while typing.
import { api } from '@/shared/api'
import type { SearchResponse } from '@/modules/search/types'

export const searchApi = {
  search: (query: Record<string, string | number>, signal: AbortSignal) =>
    api.get<SearchResponse>('/search', query, { signal }),
  suggest: async (q: string) => (await api.get<{ items: string[] }>('/search/suggest', { q })).items,
}

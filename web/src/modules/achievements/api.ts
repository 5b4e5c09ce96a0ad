// The achievement library's calls to the server: the three registered kinds (list, read, create,
// update, review steps), a talent's audited contact, packages and the public statistics.
import { api, buildQuery, type Page } from '@/shared/api'
import { collectionApi } from '@/shared/collectionApi'
import type { AchievementPackage, Kind, Registered, Statistics, StatisticsGroup } from '@/modules/achievements/types'

export const COLLECTIONS: Record<Kind, string> = { achievement: 'achievements', talent: 'talents', team: 'teams' }

export function kindApi<T extends Registered>(kind: Kind) {
  return collectionApi<T>(COLLECTIONS[kind])
}

/** A talent's phone and e-mail in full: each call is an audit record on the server. */
export const talentContact = (id: string) =>
  api.get<{ id: string; contact_phone: string; contact_email: string }>(`/talents/${encodeURIComponent(id)}/contact`)

/** The If-Match header of a change, for the version the page read. */
const ifMatch = (version: number) => ({ headers: { 'If-Match': `"${version}"` } })

const packagePath = (id: string) => `/achievement-packages/${encodeURIComponent(id)}`

export const packagesApi = {
  /** status: published (everyone), or all | draft | withdrawn (editors). */
  list: (query: Record<string, string | number>) => api.get<Page<AchievementPackage>>('/achievement-packages', query),
  get: (id: string) => api.get<AchievementPackage>(packagePath(id)),
  create: (body: Record<string, unknown>) => api.post<AchievementPackage>('/achievement-packages', body),
  setItems: (id: string, version: number, ids: string[]) =>
    api.put<AchievementPackage>(`${packagePath(id)}/items`, { achievement_ids: ids }, ifMatch(version)),
  /** A step of the lifecycle; answers the package as it is then (the step's own answer is its state). */
  act: async (id: string, action: 'publish' | 'withdraw') => {
    await api.post(`${packagePath(id)}/${action}`, {})
    return api.get<AchievementPackage>(packagePath(id))
  },
  /** The download (a plain GET with the session cookie: a link fetches it). */
  exportUrl: (id: string, format: 'csv' | 'xlsx') => `/api/v1${packagePath(id)}/export${buildQuery({ format })}`,
}

export const statisticsApi = {
  get: (group: StatisticsGroup) => api.get<Statistics>('/achievements/statistics', { group }),
}

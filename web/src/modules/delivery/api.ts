// Delivery's calls to the server: usage statistics, and the addresses of their downloads.
import { api, buildQuery } from '@/shared/api'
import type { UsageQuery, UsageReport } from '@/modules/delivery/types'

function query(q: UsageQuery): Record<string, string | undefined> {
  return { group: q.group, from: q.from, to: q.to, side: q.side === 'client' ? 'client' : undefined, org_id: q.org_id }
}

export const usageApi = {
  get: (q: UsageQuery) => api.get<UsageReport>('/usage', query(q)),
  /** The download of the same report (a plain GET with the session cookie: a link can fetch it). */
  exportUrl: (q: UsageQuery, format: 'csv' | 'xlsx') => `/api/v1/usage${buildQuery({ ...query(q), format })}`,
}

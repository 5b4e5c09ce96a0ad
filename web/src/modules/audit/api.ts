// The audit administrator's calls: one page of the trail, the chain check and the CSV export.
import { api, buildQuery, type Page } from '@/shared/api'
import type { AuditEvent, AuditFilter, ChainReport } from '@/modules/audit/types'

export const auditApi = {
  list: (filter: AuditFilter, page: number, pageSize: number) =>
    api.get<Page<AuditEvent>>('/audit-events', { ...filter, page, page_size: pageSize }),
  verifyChain: () => api.get<ChainReport>('/audit-events/chain'),
  // A plain link, not a fetch: the browser downloads the file with the session cookie.
  exportUrl: (filter: AuditFilter) => `/api/v1/audit-events/export${buildQuery(filter)}`,
}

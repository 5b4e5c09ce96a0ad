// The calls every registered kind answers under /api/v1/<collection>: list, read, create, update
// (If-Match: the version the page read) and the review steps (submit, approve, return, withdraw).
// The download of a filtered list as XLSX or CSV is the same list URL with `format`.
import { api, buildQuery, type Page } from '@/shared/api'

/** A step of the review workflow: POST /<collection>/{id}/{action}; `return` needs a reason. */
export type ReviewStep = 'submit' | 'approve' | 'return' | 'withdraw'

export type ExportFormat = 'xlsx' | 'csv'

/** The list as a file: the list's URL with its filters (paging left out) and `format`. */
export function exportUrl(collection: string, query: Record<string, string | number | undefined | null>, format: ExportFormat): string {
  const filters = Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'page' && k !== 'page_size'))
  return `/api/v1/${collection}${buildQuery({ ...filters, format })}`
}

export function collectionApi<T extends { id: string }>(collection: string) {
  const base = `/${collection}`
  const path = (id: string) => `${base}/${encodeURIComponent(id)}`
  const ifMatch = (version: number) => ({ headers: { 'If-Match': `"${version}"` } })
  return {
    list: (query: Record<string, string | number>) => api.get<Page<T>>(base, query),
    get: (id: string) => api.get<T>(path(id)),
    create: (body: Record<string, unknown>) => api.post<T>(base, body),
    update: (id: string, version: number, body: Record<string, unknown>) => api.patch<T>(path(id), body, ifMatch(version)),
    review: (id: string, action: ReviewStep, body?: { reason: string }) => api.post(`${path(id)}/${action}`, body ?? {}),
  }
}

// The calls of annual transformation reports: reports and their steps, the pre-fill, the year's
// deadlines, the overdue list, statistics and the export.
import { api, type Page } from '@/shared/api'
import type { Content, Deadlines, FilePurpose, Overdue, Report, ReportFile, Statistics } from '@/modules/annual-reports/types'

const id = encodeURIComponent
const base = '/annual-reports'
const ifMatch = (version: number) => ({ headers: { 'If-Match': `"${version}"` } })

export const reportsApi = {
  list: (query: Record<string, string | number | undefined>) => api.get<Page<Report>>(base, query),
  get: (r: string) => api.get<Report>(`${base}/${id(r)}`),
  create: (year: number) => api.post<Report>(base, { year }),
  save: (r: string, content: Content, version: number) => api.put<Report>(`${base}/${id(r)}`, content, ifMatch(version)),
  /** submit, accept, return (reason), forward, reopen (reason). */
  step: (r: string, action: string, reason?: string) => api.post<Report>(`${base}/${id(r)}/${action}`, reason ? { reason } : {}),
  deadlines: (year: number) => api.get<Deadlines>(`${base}/deadlines`, { year }),
  setDeadlines: (year: number, unit_due_on: string, department_due_on: string) =>
    api.put<Deadlines>(`${base}/deadlines/${year}`, { unit_due_on, department_due_on }),
  overdue: (year: number) => api.get<Overdue>(`${base}/overdue`, { year }),
  statistics: (query: Record<string, string | number | undefined>) => api.get<Statistics>(`${base}/statistics`, query),
  /** The file's bytes as they are; the server recognises the type by its content. */
  upload: (r: string, file: File, purpose: FilePurpose) =>
    api.post<ReportFile>(`${base}/${id(r)}/attachments`, undefined, {
      query: { name: file.name, purpose },
      raw: { data: file, contentType: file.type || 'application/octet-stream' },
    }),
  remove: (r: string, fileId: string) => api.delete<void>(`${base}/${id(r)}/attachments/${id(fileId)}`),
  downloadUrl: (r: string, fileId: string) => `/api/v1${base}/${id(r)}/attachments/${id(fileId)}`,
  exportUrl: (year: number, format: 'xlsx' | 'csv') => `/api/v1${base}/export?year=${year}&format=${format}`,
}

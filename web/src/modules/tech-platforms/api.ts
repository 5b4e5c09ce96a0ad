// The calls of common technology platforms: applications and their steps, the plan's versions,
// yearly assessments, and the public list (no login).
import { api, type Page } from '@/shared/api'
import type {
  Platform,
  PlatformAssessment,
  PlatformView,
  PlanInput,
  PlanVersion,
  PublicPlatform,
  Step,
} from '@/modules/tech-platforms/types'

const path = (id: string) => `/tech-platforms/${encodeURIComponent(id)}`
const assessmentPath = (id: string) => `/tech-platform-assessments/${encodeURIComponent(id)}`

export const platformsApi = {
  list: (view: PlatformView, query: Record<string, string | number>) =>
    api.get<Page<Platform>>('/tech-platforms', { view, ...query }),
  get: (id: string) => api.get<Platform>(path(id)),
  create: (body: PlanInput) => api.post<Platform>('/tech-platforms', body),
  update: (id: string, version: number, body: PlanInput) =>
    api.patch<Platform>(path(id), body, { headers: { 'If-Match': String(version) } }),
  plans: async (id: string) => (await api.get<{ items: PlanVersion[] }>(`${path(id)}/plans`)).items,
  steps: async (id: string) => (await api.get<{ items: Step[] }>(`${path(id)}/steps`)).items,
  /** submit, recommend, return, start_panel, admit, reject (reason where the step needs one). */
  step: (id: string, action: string, reason = '') => api.post<Platform>(`${path(id)}/${action}`, reason ? { reason } : {}),
  siteCheck: (id: string, result: 'pass' | 'fail', findings: string) =>
    api.post<Platform>(`${path(id)}/site-check`, { result, findings }),
  publicList: (query: Record<string, string | number>) => api.get<Page<PublicPlatform>>('/tech-platforms/public', query),
}

export const platformAssessmentsApi = {
  list: (query: Record<string, string | number>) => api.get<Page<PlatformAssessment>>('/tech-platform-assessments', query),
  get: (id: string) => api.get<PlatformAssessment>(assessmentPath(id)),
  open: (platform_id: string, year: number, due_on?: string) =>
    api.post<PlatformAssessment>('/tech-platform-assessments', due_on ? { platform_id, year, due_on } : { platform_id, year }),
  report: (id: string, self_report: string) => api.post<PlatformAssessment>(`${assessmentPath(id)}/report`, { self_report }),
  rectify: (id: string, due_working_days: number, reason: string) =>
    api.post<PlatformAssessment>(`${assessmentPath(id)}/rectify`, { due_working_days, reason }),
  /** start_panel, continue, remove, not_submitted. */
  step: (id: string, action: string, reason = '') =>
    api.post<PlatformAssessment>(`${assessmentPath(id)}/${action}`, reason ? { reason } : {}),
}

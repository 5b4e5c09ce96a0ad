// The calls of open challenges: challenges and their steps, applications, the award, milestones.
import { api, type Page } from '@/shared/api'
import type { Application, Challenge, ChallengeInput, Milestone, ProposalInput, Step } from '@/modules/challenges/types'

const path = (id: string) => `/challenges/${encodeURIComponent(id)}`
const appPath = (id: string) => `/challenge-applications/${encodeURIComponent(id)}`
const milestonePath = (id: string) => `/challenge-milestones/${encodeURIComponent(id)}`

export const challengesApi = {
  list: (query: Record<string, string | number>) => api.get<Page<Challenge>>('/challenges', query),
  get: (id: string) => api.get<Challenge>(path(id)),
  create: (body: ChallengeInput) => api.post<Challenge>('/challenges', body),
  update: (id: string, version: number, body: ChallengeInput) =>
    api.patch<Challenge>(path(id), body, { headers: { 'If-Match': String(version) } }),
  steps: async (id: string) => (await api.get<{ items: Step[] }>(`${path(id)}/steps`)).items,
  /** publish, close, start_review, fail, start, accept, terminate (reason where the step needs one). */
  step: (id: string, action: string, reason = '') => api.post<Challenge>(`${path(id)}/${action}`, reason ? { reason } : {}),
  award: (id: string, application_ids: string[], reason: string) =>
    api.post<Challenge>(`${path(id)}/award`, { application_ids, reason }),
  applications: async (id: string) => (await api.get<{ items: Application[] }>(`${path(id)}/applications`)).items,
  apply: (id: string, body: ProposalInput) => api.post<Application>(`${path(id)}/applications`, body),
  milestones: async (id: string) => (await api.get<{ items: Milestone[] }>(`${path(id)}/milestones`)).items,
  addMilestone: (id: string, body: { application_id: string; title: string; due_on: string; amount_fen: number }) =>
    api.post<Milestone>(`${path(id)}/milestones`, body),
}

export const applicationsApi = {
  mine: (query: Record<string, string | number>) => api.get<Page<Application>>('/challenge-applications', { view: 'mine', ...query }),
  get: (id: string) => api.get<Application>(appPath(id)),
  withdraw: (id: string) => api.post<Application>(`${appPath(id)}/withdraw`, {}),
}

export const milestonesApi = {
  report: (id: string, note: string) => api.post<Milestone>(`${milestonePath(id)}/report`, { note }),
  confirm: (id: string) => api.post<Milestone>(`${milestonePath(id)}/confirm`, {}),
  reject: (id: string, reason: string) => api.post<Milestone>(`${milestonePath(id)}/reject`, { reason }),
}

// Open challenges' pages: the public list and one challenge (no login), the publisher's list and
// form, a unit's applications and one application (proposal, panel, milestones).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const publishers = { roles: ['operator', 'department_reviewer'] }
const units = { roles: ['unit_admin', 'enterprise'] }
// An assigned expert opens an application from 我的评审任务 to score it.
const applicationReaders = { roles: [...publishers.roles, ...units.roles, 'expert'] }

export const challengesRoutes: RouteRecordRaw[] = [
  pageRoute('/challenges', 'challenges', () => import('./views/ChallengesView.vue')),
  pageRoute('/challenges/manage', 'challenges-manage', () => import('./views/ChallengesView.vue'), publishers, { manage: true }),
  pageRoute('/challenges/new', 'challenge-new', () => import('./views/ChallengeForm.vue'), publishers),
  pageRoute('/challenges/:id(\\d+)/edit', 'challenge-edit', () => import('./views/ChallengeForm.vue'), publishers),
  pageRoute('/challenges/:id(\\d+)', 'challenge', () => import('./views/ChallengeDetail.vue')),
  pageRoute('/challenge-applications', 'challenge-applications', () => import('./views/MyApplications.vue'), units),
  pageRoute('/challenge-applications/:id(\\d+)', 'challenge-application', () => import('./views/ApplicationDetail.vue'), applicationReaders),
]

// Common technology platforms' pages: the lists (the unit's, the district's queue, the operator's),
// the plan form (new, edit, renewal), one application, one yearly assessment, the public directory.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const readers = { roles: ['unit_admin', 'district_officer', 'operator'] }
// An assigned expert opens the application or the assessment from 我的评审任务 to score it.
const withExperts = { roles: [...readers.roles, 'expert'] }

export const techPlatformsRoutes: RouteRecordRaw[] = [
  pageRoute('/tech-platforms', 'tech-platforms', () => import('./views/PlatformsView.vue'), readers),
  pageRoute('/tech-platforms/new', 'tech-platform-new', () => import('./views/PlatformForm.vue'), { roles: ['unit_admin'] }),
  pageRoute('/tech-platforms/:id(\\d+)/edit', 'tech-platform-edit', () => import('./views/PlatformForm.vue'), { roles: ['unit_admin'] }),
  pageRoute('/tech-platforms/:id(\\d+)', 'tech-platform', () => import('./views/PlatformDetail.vue'), withExperts),
  pageRoute('/tech-platform-assessments/:id(\\d+)', 'tech-platform-assessment', () => import('./views/AssessmentDetail.vue'), withExperts),
  pageRoute('/public/tech-platforms', 'tech-platforms-public', () => import('./views/PublicPlatforms.vue')),
]

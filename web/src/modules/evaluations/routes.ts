// Evaluation requests: the list (the unit's, the operator's queue, or the assignee's ?view=assigned),
// the unit's request form and one request's page.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const readers = { roles: ['unit_admin', 'operator', 'expert', 'evaluation_agency'] }

export const evaluationsRoutes: RouteRecordRaw[] = [
  pageRoute('/evaluations', 'evaluations', () => import('./views/EvaluationsView.vue'), readers),
  pageRoute('/evaluations/new', 'evaluation-new', () => import('./views/EvaluationForm.vue'), { roles: ['unit_admin'] }),
  pageRoute('/evaluations/:id(\\d+)', 'evaluation', () => import('./views/EvaluationDetail.vue'), readers),
]

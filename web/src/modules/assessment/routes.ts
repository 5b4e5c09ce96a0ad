// The assessment's pages: the operator's cycle board and scheme editor, the results (the
// department's evaluation queue), the unit's score card, subsidies, rectifications, and the
// public results (no login).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const takingPart = { roles: ['operator', 'finance_reviewer', 'department_reviewer', 'unit_admin'] }

export const assessmentRoutes: RouteRecordRaw[] = [
  pageRoute('/assessment', 'assessment', () => import('./views/CyclesView.vue'), takingPart),
  pageRoute('/assessment/cycles/:id/scheme', 'assessment-scheme', () => import('./views/SchemeView.vue'), takingPart),
  pageRoute('/assessment/cycles/:id/results', 'assessment-results', () => import('./views/ResultsView.vue'), takingPart),
  pageRoute('/assessment/results/:id', 'assessment-card', () => import('./views/ScoreCardView.vue'), takingPart),
  pageRoute('/assessment/cycles/:id/subsidies', 'assessment-subsidies', () => import('./views/SubsidiesView.vue'), {
    roles: ['operator', 'finance_reviewer'],
  }),
  pageRoute('/rectifications', 'rectifications', () => import('./views/RectificationsView.vue'), {
    roles: ['operator', 'department_reviewer', 'unit_admin'],
  }),
  pageRoute('/public/assessment', 'assessment-public', () => import('./views/PublicResultsView.vue')),
]

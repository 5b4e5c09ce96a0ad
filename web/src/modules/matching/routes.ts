// The unit's view of the technology demands it could answer (a demand's own suggestions are a
// card on the demand's page: components/DemandMatches.vue).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const matchingRoutes: RouteRecordRaw[] = [
  pageRoute('/tech-market/matching-demands', 'matching-demands', () => import('./views/MatchingDemandsView.vue'), {
    roles: ['unit_admin', 'enterprise', 'base_admin'],
  }),
]

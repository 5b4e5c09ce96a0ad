// Delivery's pages: usage statistics of a unit (as provider, or as client) and, for operators, of all.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const deliveryRoutes: RouteRecordRaw[] = [
  pageRoute('/usage', 'usage', () => import('./views/UsageView.vue'), { roles: ['unit_admin', 'operator'] }),
]

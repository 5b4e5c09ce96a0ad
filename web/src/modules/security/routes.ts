// The security administrator's accounts, roles and two-person grants (issue 11).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const securityRoutes: RouteRecordRaw[] = [
  pageRoute('/security', 'security', () => import('./views/AccountsView.vue'), { roles: ['security_admin'] }),
]

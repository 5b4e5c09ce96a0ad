// The security administrator's accounts, roles and two-person grants (issue 11).
import type { RouteRecordRaw } from 'vue-router'

export const securityRoutes: RouteRecordRaw[] = [
  {
    path: '/security',
    name: 'security',
    component: () => import('./views/AccountsView.vue'),
    meta: { roles: ['security_admin'] },
  },
]

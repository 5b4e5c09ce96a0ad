// The system administrator's settings and health page (issue 20).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const systemRoutes: RouteRecordRaw[] = [
  pageRoute('/system', 'system', () => import('./views/SystemView.vue'), { roles: ['system_admin'] }),
]

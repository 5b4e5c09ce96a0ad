// The expert's workbench: every review assigned to them, of any kind.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const panelsRoutes: RouteRecordRaw[] = [
  pageRoute('/expert-assignments', 'expert-assignments', () => import('./views/AssignmentsView.vue'), { roles: ['expert'] }),
]

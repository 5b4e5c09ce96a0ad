// The working-day calendar the operator keeps (holidays and adjusted working days).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const calendarRoutes: RouteRecordRaw[] = [
  pageRoute('/operator/calendar', 'op-calendar', () => import('./views/CalendarView.vue'), { roles: ['operator'] }),
]

// The working-day calendar the operator keeps (holidays and adjusted working days).
import type { RouteRecordRaw } from 'vue-router'

export const calendarRoutes: RouteRecordRaw[] = [
  {
    path: '/operator/calendar',
    name: 'op-calendar',
    component: () => import('./views/CalendarView.vue'),
    meta: { roles: ['operator'] },
  },
]

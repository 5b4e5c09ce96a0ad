// The annual reports' pages: the list (a unit its own, a department its units' with the overdue list,
// the operator all), one report (the unit's form, the department's review), and the statistics with
// the year's deadlines (departments and the operator).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const filers = { roles: ['unit_admin', 'department_reviewer', 'operator'] }

export const annualReportsRoutes: RouteRecordRaw[] = [
  pageRoute('/annual-reports', 'annual-reports', () => import('./views/ReportsView.vue'), filers),
  pageRoute('/annual-reports/statistics', 'annual-report-statistics', () => import('./views/StatisticsView.vue'), {
    roles: ['department_reviewer', 'operator'],
  }),
  pageRoute('/annual-reports/:id', 'annual-report', () => import('./views/ReportView.vue'), filers),
]

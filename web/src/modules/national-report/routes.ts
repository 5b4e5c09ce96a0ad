// The national report's page, in the operator's console (docs/design/national-report.md).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const nationalReportRoutes: RouteRecordRaw[] = [
  pageRoute('/operator/national-report', 'op-national-report', () => import('./views/NationalReportView.vue'), {
    roles: ['operator'],
  }),
]

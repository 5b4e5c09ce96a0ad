// The import wizard's page, in the unit's workspace (issue 19 §7).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const importsRoutes: RouteRecordRaw[] = [
  pageRoute('/workbench/imports', 'imports', () => import('./views/ImportWizardView.vue'), {
    roles: ['unit_admin', 'operator', 'financial_institution'],
  }),
]

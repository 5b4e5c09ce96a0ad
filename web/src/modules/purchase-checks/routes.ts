// The purchase checks' pages: the list (each role sees its scope), the unit's form, the check.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const readers = { roles: ['unit_admin', 'department_reviewer', 'operator', 'expert'] }
const unit = { roles: ['unit_admin'] }

export const purchaseChecksRoutes: RouteRecordRaw[] = [
  pageRoute('/purchase-checks', 'purchase-checks', () => import('./views/ChecksView.vue'), readers),
  pageRoute('/purchase-checks/new', 'purchase-check-new', () => import('./views/CheckFormView.vue'), unit),
  pageRoute('/purchase-checks/:id/edit', 'purchase-check-edit', () => import('./views/CheckFormView.vue'), unit),
  pageRoute('/purchase-checks/:id', 'purchase-check', () => import('./views/CheckView.vue'), readers),
]

// Catalog's pages: a resource's public page, the unit's workbench and form, the review queue and
// the operator's reference data (industries, bases, the registration report).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const editors = { roles: ['unit_admin', 'operator'] }
const operators = { roles: ['operator'] }
const form = () => import('./views/InstrumentForm.vue')
const report = () => import('./views/RegistrationReportView.vue')

export const catalogRoutes: RouteRecordRaw[] = [
  pageRoute('/instruments/:id', 'instrument', () => import('./views/InstrumentDetail.vue')),
  pageRoute('/services/:id', 'service', () => import('./views/ServiceDetail.vue')),
  pageRoute('/workbench', 'workbench', () => import('./views/WorkbenchView.vue'), editors),
  pageRoute('/workbench/instruments/new', 'instrument-new', form, editors),
  pageRoute('/workbench/instruments/:id/edit', 'instrument-edit', form, editors),
  pageRoute('/review', 'review', () => import('./views/ReviewView.vue'), { roles: ['department_reviewer', 'operator'] }),
  // The operator's console: reference data of the catalog (C1/C2).
  { path: '/operator', redirect: '/operator/industries' },
  pageRoute('/operator/industries', 'op-industries', () => import('./views/IndustryCatalogView.vue'), operators),
  pageRoute('/operator/registration-report', 'op-registration-report', report, operators),
  pageRoute('/operator/bases', 'op-bases', () => import('./views/BasesView.vue'), operators),
]

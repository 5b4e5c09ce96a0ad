// Catalog's pages: a resource's public page, the unit's workbench and form, the review queue and
// the operator's reference data (industries, bases, the registration report).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'
import { UNIT_COLLECTIONS } from './unitKinds'

const editors = { roles: ['unit_admin', 'operator'] }
const operators = { roles: ['operator'] }
// Labs, services and finance products: the registry decides per object; a financial institution
// registers finance products (issue 19 §7).
const registrants = { roles: ['unit_admin', 'operator', 'financial_institution'] }
const kindForm = () => import('./views/KindForm.vue')
const form = () => import('./views/InstrumentForm.vue')
const report = () => import('./views/RegistrationReportView.vue')

export const catalogRoutes: RouteRecordRaw[] = [
  pageRoute('/instruments/:id', 'instrument', () => import('./views/InstrumentDetail.vue')),
  pageRoute('/services/:id', 'service', () => import('./views/ServiceDetail.vue')),
  pageRoute('/workbench', 'workbench', () => import('./views/WorkbenchView.vue'), editors),
  pageRoute('/workbench/instruments/new', 'instrument-new', form, editors),
  pageRoute('/workbench/instruments/:id/edit', 'instrument-edit', form, editors),
  pageRoute(`/workbench/:collection(${UNIT_COLLECTIONS})`, 'unit-kind-list', () => import('./views/KindListView.vue'), registrants),
  pageRoute(`/workbench/:collection(${UNIT_COLLECTIONS})/new`, 'unit-kind-new', kindForm, registrants),
  pageRoute(`/workbench/:collection(${UNIT_COLLECTIONS})/:id/edit`, 'unit-kind-edit', kindForm, registrants),
  pageRoute('/workbench/organization', 'unit-organization', () => import('./views/OrgProfileView.vue'), registrants),
  pageRoute('/review', 'review', () => import('./views/ReviewView.vue'), { roles: ['department_reviewer', 'operator'] }),
  // The operator's console: reference data of the catalog (C1/C2).
  { path: '/operator', redirect: '/operator/industries' },
  pageRoute('/operator/industries', 'op-industries', () => import('./views/IndustryCatalogView.vue'), operators),
  pageRoute('/operator/registration-report', 'op-registration-report', report, operators),
  pageRoute('/operator/bases', 'op-bases', () => import('./views/BasesView.vue'), operators),
]

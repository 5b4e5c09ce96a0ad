// Catalog's pages: a resource's public page, the unit's workbench and form, the review queue and
// the operator's reference data (industries, bases, the registration report).
import type { RouteRecordRaw } from 'vue-router'

const editors = ['unit_admin', 'operator']

export const catalogRoutes: RouteRecordRaw[] = [
  { path: '/instruments/:id', name: 'instrument', component: () => import('./views/InstrumentDetail.vue') },
  {
    path: '/workbench',
    name: 'workbench',
    component: () => import('./views/WorkbenchView.vue'),
    meta: { roles: editors },
  },
  {
    path: '/workbench/instruments/new',
    name: 'instrument-new',
    component: () => import('./views/InstrumentForm.vue'),
    meta: { roles: editors },
  },
  {
    path: '/workbench/instruments/:id/edit',
    name: 'instrument-edit',
    component: () => import('./views/InstrumentForm.vue'),
    meta: { roles: editors },
  },
  {
    path: '/review',
    name: 'review',
    component: () => import('./views/ReviewView.vue'),
    meta: { roles: ['department_reviewer', 'operator'] },
  },
  // The operator's console: reference data of the catalog (C1/C2).
  { path: '/operator', redirect: '/operator/industries' },
  {
    path: '/operator/industries',
    name: 'op-industries',
    component: () => import('./views/IndustryCatalogView.vue'),
    meta: { roles: ['operator'] },
  },
  {
    path: '/operator/registration-report',
    name: 'op-registration-report',
    component: () => import('./views/RegistrationReportView.vue'),
    meta: { roles: ['operator'] },
  },
  {
    path: '/operator/bases',
    name: 'op-bases',
    component: () => import('./views/BasesView.vue'),
    meta: { roles: ['operator'] },
  },
]

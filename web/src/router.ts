import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { hasRole, homeFor, pendingStep, session } from './session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Any of these roles may open the page; an empty list means any logged-in user. */
    roles?: string[]
    /** A step of logging in: reachable while that step is pending. */
    loginStep?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/SearchView.vue') },
  { path: '/instruments/:id', name: 'instrument', component: () => import('./views/InstrumentDetail.vue') },
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue') },
  {
    path: '/login/totp-enroll',
    name: 'totp-enroll',
    component: () => import('./views/SecondFactorView.vue'),
    props: { mode: 'enroll' },
    meta: { roles: [], loginStep: true },
  },
  {
    path: '/login/totp',
    name: 'totp-verify',
    component: () => import('./views/SecondFactorView.vue'),
    props: { mode: 'verify' },
    meta: { roles: [], loginStep: true },
  },
  {
    path: '/account/password',
    name: 'password',
    component: () => import('./views/ChangePasswordView.vue'),
    meta: { roles: [], loginStep: true },
  },
  {
    path: '/workbench',
    name: 'workbench',
    component: () => import('./views/WorkbenchView.vue'),
    meta: { roles: ['unit_admin', 'operator'] },
  },
  {
    path: '/workbench/instruments/new',
    name: 'instrument-new',
    component: () => import('./views/InstrumentForm.vue'),
    meta: { roles: ['unit_admin', 'operator'] },
  },
  {
    path: '/workbench/instruments/:id/edit',
    name: 'instrument-edit',
    component: () => import('./views/InstrumentForm.vue'),
    meta: { roles: ['unit_admin', 'operator'] },
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
    component: () => import('./views/operator/IndustryCatalogView.vue'),
    meta: { roles: ['operator'] },
  },
  {
    path: '/operator/calendar',
    name: 'op-calendar',
    component: () => import('./views/operator/CalendarView.vue'),
    meta: { roles: ['operator'] },
  },
  {
    path: '/operator/registration-report',
    name: 'op-registration-report',
    component: () => import('./views/operator/RegistrationReportView.vue'),
    meta: { roles: ['operator'] },
  },
  {
    path: '/operator/bases',
    name: 'op-bases',
    component: () => import('./views/operator/BasesView.vue'),
    meta: { roles: ['operator'] },
  },
  // The security administrator's accounts, roles and two-person grants (issue 11).
  {
    path: '/security',
    name: 'security',
    component: () => import('./views/security/AccountsView.vue'),
    meta: { roles: ['security_admin'] },
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFound.vue') },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.beforeEach((to) => {
  const roles = to.meta.roles
  if (roles === undefined) return true
  if (!session.user) return { name: 'login', query: { redirect: to.fullPath } }
  const pending = pendingStep()
  if (pending && to.name !== pending) return { name: pending }
  if (!pending && to.meta.loginStep && to.name !== 'password') return homeFor()
  if (roles.length > 0 && !hasRole(...roles)) return '/'
  return true
})

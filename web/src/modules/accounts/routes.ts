// Logging in and its steps: the second factor (enrol or verify) and the password change.
import type { RouteRecordRaw } from 'vue-router'

const loginStep = { roles: [], loginStep: true }

export const accountsRoutes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue') },
  {
    path: '/login/totp-enroll',
    name: 'totp-enroll',
    component: () => import('./views/SecondFactorView.vue'),
    props: { mode: 'enroll' },
    meta: loginStep,
  },
  {
    path: '/login/totp',
    name: 'totp-verify',
    component: () => import('./views/SecondFactorView.vue'),
    props: { mode: 'verify' },
    meta: loginStep,
  },
  {
    path: '/account/password',
    name: 'password',
    component: () => import('./views/ChangePasswordView.vue'),
    meta: loginStep,
  },
]

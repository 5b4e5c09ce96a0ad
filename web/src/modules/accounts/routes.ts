// Logging in and its steps: the second factor (enrol or verify) and the password change.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const loginStep = { roles: [], loginStep: true }
const secondFactor = () => import('./views/SecondFactorView.vue')

export const accountsRoutes: RouteRecordRaw[] = [
  pageRoute('/login', 'login', () => import('./views/LoginView.vue')),
  pageRoute('/login/totp-enroll', 'totp-enroll', secondFactor, loginStep, { mode: 'enroll' }),
  pageRoute('/login/totp', 'totp-verify', secondFactor, loginStep, { mode: 'verify' }),
  pageRoute('/account/password', 'password', () => import('./views/ChangePasswordView.vue'), loginStep),
]

import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { hasRole, homeFor, pendingStep, session } from '@/shared/session'
import { moduleRoutes } from './modules'

declare module 'vue-router' {
  interface RouteMeta {
    /** Any of these roles may open the page; an empty list means any logged-in user. */
    roles?: string[]
    /** A step of logging in: reachable while that step is pending. */
    loginStep?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  ...moduleRoutes,
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/shared/components/NotFound.vue') },
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

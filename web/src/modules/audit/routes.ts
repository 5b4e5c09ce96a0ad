// The audit administrator's trail and chain check (issue 20).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const auditRoutes: RouteRecordRaw[] = [
  pageRoute('/audit', 'audit', () => import('./views/AuditView.vue'), { roles: ['audit_admin'] }),
]

// The inbox page; the bell in the header is a panel (src/modules.ts).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const notificationsRoutes: RouteRecordRaw[] = [pageRoute('/inbox', 'inbox', () => import('./views/InboxView.vue'), { roles: [] })]

// Orders' pages: the client's own orders and the provider's queue. The order form on a service's
// page is a panel (panels.ts), not a page.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const list = () => import('./views/OrdersView.vue')

export const ordersRoutes: RouteRecordRaw[] = [
  pageRoute('/orders', 'my-orders', list, { roles: ['enterprise', 'unit_admin', 'base_admin', 'expert'] }, { view: 'mine' }),
  pageRoute('/orders/desk', 'order-desk', list, { roles: ['unit_admin', 'operator'] }, { view: 'provider' }),
]

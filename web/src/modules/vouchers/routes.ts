// Innovation vouchers: the enterprise's vouchers, the provider's redemption, the operator's
// programmes and relations, the review queues and the report (operator and finance bureau).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const overseers = { roles: ['operator', 'finance_reviewer'] }

export const vouchersRoutes: RouteRecordRaw[] = [
  pageRoute('/vouchers', 'vouchers', () => import('./views/MyVouchersView.vue'), { roles: ['enterprise'] }),
  pageRoute('/vouchers/redemption', 'voucher-redemption', () => import('./views/RedemptionView.vue'), { roles: ['unit_admin'] }),
  pageRoute('/vouchers/programmes', 'voucher-programmes', () => import('./views/ProgrammesView.vue'), { roles: ['operator'] }),
  pageRoute('/vouchers/review', 'voucher-review', () => import('./views/ReviewView.vue'), overseers),
  pageRoute('/vouchers/relations', 'voucher-relations', () => import('./views/RelationsView.vue'), { roles: ['operator'] }),
  pageRoute('/vouchers/report', 'voucher-report', () => import('./views/ReportView.vue'), overseers),
]

// The 创新券 menu in the header's navigation; the voucher at booking and order confirmation is
// drawn by the bookings and orders components themselves (components/VoucherPayment.vue).
import { addPanel } from '@/shared/extensions'

export function addVouchersPanels(): void {
  addPanel('header-nav', () => import('./components/VouchersMenu.vue'))
}

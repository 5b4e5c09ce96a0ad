// 购置查重 in the header's navigation, for those who file, decide or review checks.
import { addPanel } from '@/shared/extensions'

export function addPurchaseChecksPanels(): void {
  addPanel('header-nav', () => import('./components/PurchaseChecksLink.vue'))
}

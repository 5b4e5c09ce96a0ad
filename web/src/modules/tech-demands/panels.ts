// The 技术市场 menu in the header's navigation (demands, challenges and transactions in one).
import { addPanel } from '@/shared/extensions'

export function addTechDemandsPanels(): void {
  addPanel('header-nav', () => import('./components/TechMarketMenu.vue'))
}

// The 技术市场 menu in the header's navigation.
import { addPanel } from '@/shared/extensions'

export function addTechContractsPanels(): void {
  addPanel('header-nav', () => import('./components/ContractsMenu.vue'))
}

// Where orders shows on catalog's pages without catalog knowing it (src/shared/extensions.ts).
import { addPanel } from '@/shared/extensions'

export function addOrdersPanels(): void {
  addPanel('service-detail', () => import('./components/OrderPanel.vue'))
}

// Matching's card on a demand's page (the tech-demands module's extension point).
import { addPanel } from '@/shared/extensions'

export function addMatchingPanels(): void {
  addPanel('tech-demand-detail', () => import('./components/DemandMatches.vue'))
}

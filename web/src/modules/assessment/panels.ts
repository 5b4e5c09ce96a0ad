// The 评价考核 menu in the header's navigation.
import { addPanel } from '@/shared/extensions'

export function addAssessmentPanels(): void {
  addPanel('header-nav', () => import('./components/AssessmentMenu.vue'))
}

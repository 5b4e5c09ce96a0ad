// 我的评审任务 in the header's navigation, for experts.
import { addPanel } from '@/shared/extensions'

export function addPanelsPanels(): void {
  addPanel('header-nav', () => import('./components/AssignmentsLink.vue'))
}

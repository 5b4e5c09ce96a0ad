// 系统设置 in the header's navigation, for system administrators.
import { addPanel } from '@/shared/extensions'

export function addSystemPanels(): void {
  addPanel('header-nav', () => import('./components/SystemLink.vue'))
}

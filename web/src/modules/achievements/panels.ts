// The 科技成果 menu goes in the header's navigation without the header knowing this module.
import { addPanel } from '@/shared/extensions'

export function addAchievementsPanels(): void {
  addPanel('header-nav', () => import('./components/AchievementsMenu.vue'))
}

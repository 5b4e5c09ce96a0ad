// The 揭榜挂帅 menu in the header's navigation.
import { addPanel } from '@/shared/extensions'

export function addChallengesPanels(): void {
  addPanel('header-nav', () => import('./components/ChallengesMenu.vue'))
}

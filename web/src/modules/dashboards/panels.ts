// 城市概况 in the header's navigation, for the accounts that may read it.
import { addPanel } from '@/shared/extensions'

export function addDashboardsPanels(): void {
  addPanel('header-nav', () => import('./components/OverviewLink.vue'))
}

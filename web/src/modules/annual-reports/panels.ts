// The 年度报告 link in the header's navigation.
import { addPanel } from '@/shared/extensions'

export function addAnnualReportsPanels(): void {
  addPanel('header-nav', () => import('./components/AnnualReportsLink.vue'))
}

// 审计日志 in the header's navigation, for audit administrators.
import { addPanel } from '@/shared/extensions'

export function addAuditPanels(): void {
  addPanel('header-nav', () => import('./components/AuditLink.vue'))
}

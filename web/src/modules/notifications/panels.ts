// The bell goes in the header without the header knowing the inbox (src/shared/extensions.ts).
import { addPanel } from '@/shared/extensions'

export function addNotificationsPanels(): void {
  addPanel('header-tools', () => import('./components/InboxBell.vue'))
}

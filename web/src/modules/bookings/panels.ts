// Where bookings shows on catalog's pages without catalog knowing it (src/shared/extensions.ts).
import { addPanel } from '@/shared/extensions'

export function addBookingsPanels(): void {
  addPanel('instrument-detail', () => import('./components/BookingPanel.vue'))
  addPanel('instrument-manage', () => import('./components/ManagePanel.vue'))
}

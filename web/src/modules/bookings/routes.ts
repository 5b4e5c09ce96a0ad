// Bookings' pages: the client's own bookings and the provider's booking desk. The calendar on an
// instrument's page and the rules under its form are panels (panels.ts), not pages.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const bookingsRoutes: RouteRecordRaw[] = [
  pageRoute('/bookings', 'my-bookings', () => import('./views/MyBookingsView.vue'), {
    roles: ['enterprise', 'unit_admin', 'base_admin', 'expert'],
  }),
  pageRoute('/bookings/desk', 'booking-desk', () => import('./views/ProviderView.vue'), { roles: ['unit_admin', 'operator'] }),
]

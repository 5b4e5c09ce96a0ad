// Technology contracts' pages (the lists and queue, the form, one contract with its certificate) and the
// technology market's public pages (statistics, map, monitor).
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const readers = { roles: ['unit_admin', 'district_officer', 'operator', 'broker'] }
const filers = { roles: ['unit_admin', 'broker'] }

export const techContractsRoutes: RouteRecordRaw[] = [
  pageRoute('/tech-contracts', 'tech-contracts', () => import('./views/ContractsView.vue'), readers),
  pageRoute('/tech-contracts/new', 'tech-contract-new', () => import('./views/ContractForm.vue'), filers),
  pageRoute('/tech-contracts/:id(\\d+)/edit', 'tech-contract-edit', () => import('./views/ContractForm.vue'), filers),
  pageRoute('/tech-contracts/:id(\\d+)', 'tech-contract', () => import('./views/ContractDetail.vue'), readers),
  pageRoute('/tech-market/statistics', 'tech-market-statistics', () => import('./views/MarketStatistics.vue')),
  pageRoute('/tech-market/map', 'tech-market-map', () => import('./views/MarketMap.vue')),
  pageRoute('/tech-market/monitor', 'tech-market-monitor', () => import('./views/MarketMonitor.vue')),
]

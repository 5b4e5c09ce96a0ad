// The only file that knows every module: their routes for the router, their texts for t() and
// the panels they add to other modules' pages. A new module adds its lines here.
import type { RouteRecordRaw } from 'vue-router'
import { addTexts, type Texts } from '@/shared/i18n'
import { sharedTexts } from '@/shared/texts'
import { achievementsRoutes } from '@/modules/achievements/routes'
import { achievementsTexts } from '@/modules/achievements/texts'
import { addAchievementsPanels } from '@/modules/achievements/panels'
import { evaluationsRoutes } from '@/modules/evaluations/routes'
import { evaluationsTexts } from '@/modules/evaluations/texts'
import { accountsRoutes } from '@/modules/accounts/routes'
import { accountsTexts } from '@/modules/accounts/texts'
import { bookingsRoutes } from '@/modules/bookings/routes'
import { bookingsTexts } from '@/modules/bookings/texts'
import { addBookingsPanels } from '@/modules/bookings/panels'
import { notificationsRoutes } from '@/modules/notifications/routes'
import { notificationsTexts } from '@/modules/notifications/texts'
import { addNotificationsPanels } from '@/modules/notifications/panels'
import { calendarRoutes } from '@/modules/calendar/routes'
import { calendarTexts } from '@/modules/calendar/texts'
import { catalogRoutes } from '@/modules/catalog/routes'
import { deliveryRoutes } from '@/modules/delivery/routes'
import { deliveryTexts } from '@/modules/delivery/texts'
import { catalogTexts } from '@/modules/catalog/texts'
import { catalogOperatorTexts } from '@/modules/catalog/operatorTexts'
import { serviceTexts } from '@/modules/catalog/serviceTexts'
import { unitTexts } from '@/modules/catalog/unitTexts'
import { ordersRoutes } from '@/modules/orders/routes'
import { ordersTexts } from '@/modules/orders/texts'
import { addOrdersPanels } from '@/modules/orders/panels'
import { searchRoutes } from '@/modules/search/routes'
import { searchTexts } from '@/modules/search/texts'
import { securityRoutes } from '@/modules/security/routes'
import { securityTexts } from '@/modules/security/texts'
import { vouchersRoutes } from '@/modules/vouchers/routes'
import { vouchersTexts } from '@/modules/vouchers/texts'
import { vouchersOverseerTexts } from '@/modules/vouchers/overseerTexts'
import { addVouchersPanels } from '@/modules/vouchers/panels'
import { assessmentRoutes } from '@/modules/assessment/routes'
import { assessmentTexts } from '@/modules/assessment/texts'
import { addAssessmentPanels } from '@/modules/assessment/panels'
import { annualReportsRoutes } from '@/modules/annual-reports/routes'
import { annualReportsTexts } from '@/modules/annual-reports/texts'
import { addAnnualReportsPanels } from '@/modules/annual-reports/panels'
import { panelsRoutes } from '@/modules/panels/routes'
import { panelsTexts } from '@/modules/panels/texts'
import { addPanelsPanels } from '@/modules/panels/panels'
import { attachmentsTexts } from '@/modules/attachments/texts'
import { purchaseChecksRoutes } from '@/modules/purchase-checks/routes'
import { purchaseChecksTexts } from '@/modules/purchase-checks/texts'
import { addPurchaseChecksPanels } from '@/modules/purchase-checks/panels'
import { techPlatformsRoutes } from '@/modules/tech-platforms/routes'
import { techPlatformsTexts } from '@/modules/tech-platforms/texts'
import { addTechPlatformsPanels } from '@/modules/tech-platforms/panels'
import { techDemandsRoutes } from '@/modules/tech-demands/routes'
import { techDemandsTexts } from '@/modules/tech-demands/texts'
import { addTechDemandsPanels } from '@/modules/tech-demands/panels'
import { challengesRoutes } from '@/modules/challenges/routes'
import { challengesTexts } from '@/modules/challenges/texts'
import { techContractsRoutes } from '@/modules/tech-contracts/routes'
import { techContractsTexts } from '@/modules/tech-contracts/texts'
import { matchingRoutes } from '@/modules/matching/routes'
import { matchingTexts } from '@/modules/matching/texts'
import { addMatchingPanels } from '@/modules/matching/panels'
import { importsRoutes } from '@/modules/imports/routes'
import { importsTexts } from '@/modules/imports/texts'
import { nationalReportRoutes } from '@/modules/national-report/routes'
import { nationalReportTexts } from '@/modules/national-report/texts'
import { auditRoutes } from '@/modules/audit/routes'
import { auditTexts } from '@/modules/audit/texts'
import { addAuditPanels } from '@/modules/audit/panels'
import { systemRoutes } from '@/modules/system/routes'
import { systemTexts } from '@/modules/system/texts'
import { addSystemPanels } from '@/modules/system/panels'
import { dashboardsTexts } from '@/modules/dashboards/texts'
import { dashboardsRoutes } from '@/modules/dashboards/routes'
import { addDashboardsPanels } from '@/modules/dashboards/panels'

export const moduleRoutes: RouteRecordRaw[] = [
  ...searchRoutes,
  ...accountsRoutes,
  ...catalogRoutes,
  ...calendarRoutes,
  ...bookingsRoutes,
  ...ordersRoutes,
  ...deliveryRoutes,
  ...notificationsRoutes,
  ...securityRoutes,
  ...achievementsRoutes,
  ...evaluationsRoutes,
  ...vouchersRoutes,
  ...assessmentRoutes,
  ...annualReportsRoutes,
  ...panelsRoutes,
  ...purchaseChecksRoutes,
  ...techPlatformsRoutes,
  ...techDemandsRoutes,
  ...challengesRoutes,
  ...techContractsRoutes,
  ...matchingRoutes,
  ...importsRoutes,
  ...nationalReportRoutes,
  ...auditRoutes,
  ...systemRoutes,
  ...dashboardsRoutes,
]

export const moduleTexts: Record<string, Texts> = {
  shared: sharedTexts,
  search: searchTexts,
  accounts: accountsTexts,
  catalog: catalogTexts,
  catalogOperator: catalogOperatorTexts,
  catalogService: serviceTexts,
  catalogUnit: unitTexts,
  calendar: calendarTexts,
  bookings: bookingsTexts,
  orders: ordersTexts,
  delivery: deliveryTexts,
  notifications: notificationsTexts,
  security: securityTexts,
  achievements: achievementsTexts,
  evaluations: evaluationsTexts,
  vouchers: vouchersTexts,
  vouchersOverseer: vouchersOverseerTexts,
  assessment: assessmentTexts,
  annualReports: annualReportsTexts,
  panels: panelsTexts,
  attachments: attachmentsTexts,
  purchaseChecks: purchaseChecksTexts,
  techPlatforms: techPlatformsTexts,
  techDemands: techDemandsTexts,
  challenges: challengesTexts,
  techContracts: techContractsTexts,
  matching: matchingTexts,
  imports: importsTexts,
  nationalReport: nationalReportTexts,
  audit: auditTexts,
  system: systemTexts,
  dashboards: dashboardsTexts,
}

let textsAdded = false
/** Makes every module's texts available to t(); called once before the app mounts. */
export function addModuleTexts(): void {
  if (textsAdded) return
  textsAdded = true
  for (const texts of Object.values(moduleTexts)) addTexts(texts)
  addBookingsPanels()
  addOrdersPanels()
  addNotificationsPanels()
  addAchievementsPanels()
  addVouchersPanels()
  addAssessmentPanels()
  addAnnualReportsPanels()
  addPurchaseChecksPanels()
  addPanelsPanels()
  addTechPlatformsPanels()
  addTechDemandsPanels()
  addMatchingPanels()
  addAuditPanels()
  addSystemPanels()
  addDashboardsPanels()
}

// The pages of the operator's console, in menu order: the top bar's 运营管理 menu and the tabs
// on each page both list these.
export interface OperatorPage {
  path: string
  /** i18n key of the page's title. */
  title: string
  /** data-test suffix of its menu item and tab. */
  test: string
}

export const OPERATOR_PAGES: OperatorPage[] = [
  { path: '/operator/industries', title: 'ops.nav.industries', test: 'industries' },
  { path: '/operator/calendar', title: 'ops.nav.calendar', test: 'calendar' },
  { path: '/operator/registration-report', title: 'ops.nav.report', test: 'report' },
  { path: '/operator/bases', title: 'ops.nav.bases', test: 'bases' },
  { path: '/operator/national-report', title: 'nrep.nav', test: 'national-report' },
]

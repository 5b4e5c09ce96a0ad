// The dashboards' calls to the server: the public home page's figures (no sign-in) and the city
// overview of a scope (operators, department reviewers, district officers), as JSON or as a file.
import { api, buildQuery } from '@/shared/api'
import type { HomeFigures, Overview, OverviewFigure, OverviewScopeQuery } from '@/modules/dashboards/types'

export const dashboardsApi = {
  home: (signal?: AbortSignal) => api.get<HomeFigures>('/dashboards/home', undefined, { signal }),
  overview: (scope: OverviewScopeQuery, signal?: AbortSignal) =>
    api.get<Overview>('/dashboards/overview', { ...scope }, { signal }),
  /** The same figures as a file: the whole workbook (xlsx), or one figure (csv). A plain link: the
   * browser sends the session cookie. */
  overviewFileUrl: (scope: OverviewScopeQuery, format: 'xlsx' | 'csv', figure?: OverviewFigure) =>
    `/api/v1/dashboards/overview${buildQuery({ ...scope, format, figure })}`,
}

// The home page's figures as the server sends them, from its OpenAPI description (`npm run api-types`).
import type { operations } from '@/shared/api-types'

export type HomeFigures = operations['get/dashboards/home']['responses'][200]['content']['application/json']
export type KindCount = HomeFigures['kinds'][number]
export type NewestItem = HomeFigures['newest'][number]

/** One bar of a ranked chart (an industry or a district), with the name already in the reader's language. */
export interface Figure {
  key: string
  name: string
  count: number
}

/** The city overview of one scope and year (GET /dashboards/overview). */
export type Overview = operations['get/dashboards/overview']['responses'][200]['content']['application/json']
export type OverviewBreakdown = Overview['by_district'][number]
export type OverviewUnit = Overview['units'][number]
export type OverviewFigure = NonNullable<NonNullable<operations['get/dashboards/overview']['parameters']['query']>['figure']>

/** The scope as the page's URL holds it: absent filters are ''. */
export interface OverviewScopeQuery {
  year: string
  district: string
  department: string
  org_id: string
}

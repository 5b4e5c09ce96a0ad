// The city overview's answer shaped for its tiles, charts and breadcrumbs. Money comes in fen and
// scores in hundredths (the server counts in whole numbers): shown in yuan and points here.
import { locale } from '@/shared/i18n'
import { districtName } from '@/shared/reference'
import type { User } from '@/shared/types'
import type { Figure, Overview, OverviewBreakdown, OverviewScopeQuery } from '@/modules/dashboards/types'

/** The roles that may read the overview; the server narrows each to its own scope. */
export const OVERVIEW_ROLES = ['operator', 'department_reviewer', 'district_officer']

/** The year in Beijing now: the overview's default year. */
export function beijingYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now))
}

/** The years offered: this one and the five before, and the one asked for if it is older. */
export function yearChoices(thisYear: number, asked?: number): number[] {
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i)
  if (asked && !years.includes(asked)) years.push(asked)
  return years.sort((a, b) => b - a)
}

/** The headline figures of the tiles. */
export interface OverviewTotals {
  units: number
  approved: number
  waiting: number
  openInstruments: number
  approvedInstruments: number
  servedInstruments: number
  /** Served ÷ open instruments (0–1); null when none is open. */
  opennessRate: number | null
  bookings: number
  orders: number
  deliveries: number
  externalDeliveries: number
  feeFen: number
  vouchersIssued: number
  voucherFaceFen: number
  cycleStatus: string | null
  assessedUnits: number
  confirmedUnits: number
  /** The mean score in points (hundredths divided out); null before any is computed. */
  meanScore: number | null
}

const statusSum = (o: Overview, status: string) => o.kinds.reduce((n, k) => n + (k.by_status[status] ?? 0), 0)

/** Served ÷ open (open or partially open, approved) instruments; null when none is open. */
export function opennessRate(o: Overview): number | null {
  const open = o.instruments.open + o.instruments.partially_open
  return open > 0 ? o.instruments.served / open : null
}

export function overviewTotals(o: Overview): OverviewTotals {
  return {
    units: o.units_total,
    approved: statusSum(o, 'approved'),
    waiting: statusSum(o, 'submitted'),
    openInstruments: o.instruments.open + o.instruments.partially_open,
    approvedInstruments: o.instruments.approved,
    servedInstruments: o.instruments.served,
    opennessRate: opennessRate(o),
    bookings: o.bookings.total,
    orders: o.orders.total,
    deliveries: o.deliveries.count,
    externalDeliveries: o.deliveries.external,
    feeFen: o.deliveries.fee_fen,
    vouchersIssued: o.vouchers.issued,
    voucherFaceFen: o.vouchers.face_fen,
    cycleStatus: o.evaluation.cycle_status,
    assessedUnits: o.evaluation.units,
    confirmedUnits: o.evaluation.confirmed,
    meanScore: o.evaluation.mean_score_centi === null ? null : o.evaluation.mean_score_centi / 100,
  }
}

/** 0.4567 → "45.7%"; null → "—". */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`
}

/** A score in hundredths → "86.50"; null → "—". */
export function formatScore(centi: number | null): string {
  return centi === null ? '—' : (centi / 100).toFixed(2)
}

/** A district, department or industry in the reader's language (districts: the reference data's
 * English while the server has none; industries are named in Chinese only). */
export function breakdownName(row: { code: string; name: string; name_en: string }, dimension: 'district' | 'other'): string {
  if (locale.value !== 'en') return row.name
  if (row.name_en) return row.name_en
  return dimension === 'district' ? districtName(row.code) : row.name
}

/** What the breakdown charts count. */
export type BreakdownMetric = 'approved' | 'units' | 'deliveries'

/** A breakdown as bars: largest first, those at 0 left out, equal counts by name. */
export function breakdownFigures(rows: OverviewBreakdown[], metric: BreakdownMetric, dimension: 'district' | 'other'): Figure[] {
  return rows
    .map((r) => ({ key: r.code, name: breakdownName(r, dimension), count: r.tally[metric] }))
    .filter((f) => f.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'))
}

/** The dimension the server pins for this account, as it decides (overview_scope.cpp): none for an
 * operator, else the department of a department reviewer, else the district of a district officer. */
export function pinnedDimension(user: User | null): 'district' | 'department' | null {
  if (!user || user.roles.includes('operator')) return null
  if (user.roles.includes('department_reviewer') && user.department_code) return 'department'
  if (user.roles.includes('district_officer') && user.district_code) return 'district'
  return null
}

/** One step of the breadcrumbs: its name and the scope it leads back to. */
export interface Crumb {
  key: string
  label: string
  query: Partial<OverviewScopeQuery>
}

/** 全市 › 海淀区 › 教育 › the unit: the pinned dimension first (it is the account's whole view, so
 * there is no 全市 above it), each crumb the scope of itself and those before it. */
export function scopeCrumbs(o: Overview, pinned: 'district' | 'department' | null, cityLabel: string): Crumb[] {
  const year = String(o.year)
  const crumbs: Crumb[] = []
  if (!pinned) crumbs.push({ key: 'city', label: cityLabel, query: { year } })
  const order: ('district' | 'department')[] = pinned === 'department' ? ['department', 'district'] : ['district', 'department']
  const query: Partial<OverviewScopeQuery> = { year }
  for (const dimension of order) {
    const named = o.scope[dimension]
    if (!named) continue
    // The pinned code is the server's to add: the URL stays as the account would write it.
    if (dimension !== pinned) query[dimension] = named.code
    crumbs.push({ key: dimension, label: breakdownName(named, dimension === 'district' ? 'district' : 'other'), query: { ...query } })
  }
  if (o.scope.org) crumbs.push({ key: 'org', label: o.scope.org.name, query: { ...query, org_id: o.scope.org.code } })
  return crumbs
}

/** A scope as the URL's query: empty filters left out. */
export function scopeQuery(scope: Partial<OverviewScopeQuery>): Record<string, string> {
  return Object.fromEntries(Object.entries(scope).filter(([, v]) => !!v)) as Record<string, string>
}

// The operator's new programme: a first proposal (this year, half a fee, a year to spend) and
// the body the server takes.
import type { ProgrammeInput } from '@/modules/vouchers/types'

/** The fields of the form, as the server names them in its errors. */
export const PROGRAMME_FIELDS = [
  'year',
  'name',
  'budget_fen',
  'share_percent',
  'cap_per_enterprise_fen',
  'cap_per_order_fen',
  'co_approval_fen',
  'use_by_days',
  'redeem_by_days',
  'max_staff',
  'max_revenue_fen',
  'max_registered_capital_fen',
  'startup_teams',
  'kinds',
  'source',
] as const

/** Amounts in the form are fen (YuanInput shows 元); null is a field left empty. */
export type ProgrammeDraft = { [K in keyof ProgrammeInput]: ProgrammeInput[K] extends number ? number | null : ProgrammeInput[K] }

export function newProgramme(today: Date = new Date()): ProgrammeDraft {
  return {
    year: today.getFullYear(),
    name: '',
    budget_fen: null,
    share_percent: 50,
    cap_per_enterprise_fen: null,
    cap_per_order_fen: null,
    co_approval_fen: null,
    use_by_days: 365,
    redeem_by_days: 425,
    max_staff: 100,
    max_revenue_fen: null,
    max_registered_capital_fen: null,
    startup_teams: false,
    kinds: ['testing', 'rd_design'],
    source: '',
  }
}

/** The body of POST /voucher-programmes: an empty amount goes as 0 for the server to name. */
export function programmeBody(d: ProgrammeDraft): ProgrammeInput {
  const n = (v: number | null) => v ?? 0
  return {
    ...d,
    name: d.name.trim(),
    source: d.source.trim(),
    year: n(d.year),
    budget_fen: n(d.budget_fen),
    share_percent: n(d.share_percent),
    cap_per_enterprise_fen: n(d.cap_per_enterprise_fen),
    cap_per_order_fen: n(d.cap_per_order_fen),
    co_approval_fen: n(d.co_approval_fen),
    use_by_days: n(d.use_by_days),
    redeem_by_days: n(d.redeem_by_days),
    max_staff: n(d.max_staff),
    max_revenue_fen: n(d.max_revenue_fen),
    max_registered_capital_fen: n(d.max_registered_capital_fen),
  }
}

// The report's form as people fill it in (money in yuan, two decimals at most) and the contents the
// server takes (integer fen); the server's messages by path; the rows pre-filled from the platform.
import type { Content, ContractRow, Mode, ReportStatus } from '@/modules/annual-reports/types'

export interface ContractForm {
  mode: Mode | null
  achievement_id: string | null
  counterpart: string
  amount: number
  received: number
  equity_percent: number
  source: 'platform' | 'manual'
  confirmed: boolean
}

export interface ReportForm {
  contracts: ContractForm[]
  tech: Record<'development' | 'consulting' | 'service', { count: number; amount: number }>
  income: { unit: number; staff: number }
  rewards: { cash: number; equity: number; headcount: number }
  spinoffs: { name: string; credit_code: string }[]
  offices: { name: string; kind: 'office' | 'platform' }[]
  narrative: { work_done: string; problems: string; policy: string }
  pledge: boolean
}

export const MODES: Mode[] = ['transfer', 'license', 'investment']
export const TECH_KINDS = ['development', 'consulting', 'service'] as const
export const STATUSES: ReportStatus[] = ['draft', 'submitted', 'accepted', 'returned', 'forwarded']

/** Yuan as typed → integer fen, rounded to the nearest fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(Math.round((yuan || 0) * 1000) / 10)
}

export const fenToYuan = (fen: number): number => fen / 100

export function toForm(c: Content): ReportForm {
  return {
    contracts: c.contracts.map((r) => ({
      mode: r.mode,
      achievement_id: r.achievement_id,
      counterpart: r.counterpart,
      amount: fenToYuan(r.amount_fen),
      received: fenToYuan(r.received_fen),
      equity_percent: r.equity_bp / 100,
      source: r.source,
      confirmed: r.confirmed,
    })),
    tech: {
      development: { count: c.tech_contracts.development.count, amount: fenToYuan(c.tech_contracts.development.amount_fen) },
      consulting: { count: c.tech_contracts.consulting.count, amount: fenToYuan(c.tech_contracts.consulting.amount_fen) },
      service: { count: c.tech_contracts.service.count, amount: fenToYuan(c.tech_contracts.service.amount_fen) },
    },
    income: { unit: fenToYuan(c.income.unit_fen), staff: fenToYuan(c.income.staff_fen) },
    rewards: { cash: fenToYuan(c.rewards.cash_fen), equity: fenToYuan(c.rewards.equity_fen), headcount: c.rewards.headcount },
    spinoffs: c.spinoffs.map((s) => ({ ...s })),
    offices: c.offices.map((o) => ({ ...o })),
    narrative: { ...c.narrative },
    pledge: c.pledge,
  }
}

export function toContent(f: ReportForm): Content {
  const row = (r: ContractForm): ContractRow => ({
    mode: r.mode,
    achievement_id: r.achievement_id || null,
    counterpart: r.counterpart.trim(),
    amount_fen: yuanToFen(r.amount),
    received_fen: yuanToFen(r.received),
    equity_bp: r.mode === 'investment' ? Math.round((r.equity_percent || 0) * 100) : 0,
    source: r.source,
    confirmed: r.confirmed,
  })
  const total = (k: (typeof TECH_KINDS)[number]) => ({ count: f.tech[k].count || 0, amount_fen: yuanToFen(f.tech[k].amount) })
  return {
    contracts: f.contracts.map(row),
    tech_contracts: { development: total('development'), consulting: total('consulting'), service: total('service') },
    income: { unit_fen: yuanToFen(f.income.unit), staff_fen: yuanToFen(f.income.staff) },
    rewards: { cash_fen: yuanToFen(f.rewards.cash), equity_fen: yuanToFen(f.rewards.equity), headcount: f.rewards.headcount || 0 },
    spinoffs: f.spinoffs.filter((s) => s.name.trim()).map((s) => ({ name: s.name.trim(), credit_code: s.credit_code.trim() })),
    offices: f.offices.filter((o) => o.name.trim()).map((o) => ({ name: o.name.trim(), kind: o.kind })),
    narrative: { work_done: f.narrative.work_done.trim(), problems: f.narrative.problems.trim(), policy: f.narrative.policy.trim() },
    pledge: f.pledge,
  }
}

export function newContract(): ContractForm {
  return { mode: null, achievement_id: null, counterpart: '', amount: 0, received: 0, equity_percent: 0, source: 'manual', confirmed: true }
}

/** The server's messages under `prefix` (`contracts[2].`), by the field after it (`amount_fen`). */
export function errorsAt(errors: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, message] of Object.entries(errors)) {
    if (field.startsWith(prefix)) out[field.slice(prefix.length)] = message
  }
  return out
}

/** Pre-filled rows the unit has not confirmed yet: they hold up the submission. */
export function unconfirmed(f: ReportForm): number {
  return f.contracts.filter((r) => r.source === 'platform' && !r.confirmed).length
}

/** Sum of the contract amounts in yuan, by mode (the form's running totals). */
export function sumsByMode(f: ReportForm): Record<Mode, number> {
  const out: Record<Mode, number> = { transfer: 0, license: 0, investment: 0 }
  for (const r of f.contracts) if (r.mode) out[r.mode] += yuanToFen(r.amount)
  return { transfer: out.transfer / 100, license: out.license / 100, investment: out.investment / 100 }
}

// Which lists the caller has (from its roles), tags by state, and money between the form (yuan) and the
// API (fen).
import { hasRole } from '@/shared/session'
import type { ContractView } from '@/modules/tech-contracts/types'

/** The caller's lists, the widest first. */
export function viewsOfCaller(): ContractView[] {
  const out: ContractView[] = []
  if (hasRole('operator')) out.push('all')
  if (hasRole('district_officer')) out.push('district')
  if (hasRole('unit_admin')) out.push('mine')
  if (hasRole('broker')) out.push('filed')
  return out
}

export const STATUS_TAG: Record<string, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  draft: 'info',
  submitted: 'warning',
  returned: 'danger',
  registered: 'success',
  refused: 'danger',
}

/** Yuan typed in a form ("12.5") to fen; NaN when it is not an amount with at most two decimals. */
export function toFen(yuan: string): number {
  const text = yuan.trim()
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return Number.NaN
  const [whole, part = ''] = text.split('.')
  return Number(whole) * 100 + Number(part.padEnd(2, '0'))
}

/** Fen as yuan for a form field. */
export function toYuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/** Fen as 万元 with two decimals, for charts and tables of the market. */
export function wan(fen: number): string {
  return (fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

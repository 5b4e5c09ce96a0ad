// The voucher's part of a fee as the server computes it (src/modules/vouchers/spending.cpp and
// the bookings' EstimatedFee), so that the amount field can start at the most the server takes.
import { formatYuan } from '@/shared/reference'
import type { BookingRules } from '@/modules/bookings/types'

/** fen × numerator / denominator, rounded half away from zero like the server's Fen::Scale. */
export function scaleFen(fen: number, numerator: number, denominator: number): number {
  const product = fen * numerator
  const quotient = Math.trunc(product / denominator)
  const left = Math.abs(product - quotient * denominator)
  if (left * 2 >= denominator && left !== 0) return quotient + (product < 0 ? -1 : 1)
  return quotient
}

/** What a booking costs by the instrument's prices: per sample when it has that price and samples
 * are given, per hour otherwise; a user of the instrument's own unit pays the internal price. */
export function bookingFeeFen(
  rules: Pick<BookingRules, 'internal_fen_per_hour' | 'external_fen_per_hour' | 'internal_fen_per_sample' | 'external_fen_per_sample'>,
  minutes: number,
  samples: number,
  internal: boolean,
): number {
  const perSample = internal ? rules.internal_fen_per_sample : rules.external_fen_per_sample
  if (perSample !== null && perSample !== undefined && samples > 0) return perSample * samples
  const perHour = internal ? rules.internal_fen_per_hour : rules.external_fen_per_hour
  return perHour === null || perHour === undefined ? 0 : scaleFen(perHour, minutes, 60)
}

export interface VoucherLimits {
  /** The fee the voucher pays part of. */
  feeFen: number
  /** The programme's share of a fee, in percent. */
  sharePercent: number
  /** The programme's cap per order (undefined: not known to the caller). */
  capPerOrderFen?: number
  /** What the voucher still holds. */
  availableFen: number
}

/** The most a voucher may pay: its share of the fee, within the cap per order and the balance. */
export function maxVoucherFen(l: VoucherLimits): number {
  const share = scaleFen(l.feeFen, l.sharePercent, 100)
  const cap = l.capPerOrderFen ?? Number.MAX_SAFE_INTEGER
  return Math.max(0, Math.min(share, cap, l.availableFen))
}

/** Fen as people read an amount: 123456 → "1,234.56 元". */
export function money(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  return `${formatYuan(fen)} 元`
}

/** How much of the budget is used, in whole percent (0 for an empty budget). */
export function usedPercent(budgetFen: number, leftFen: number): number {
  if (budgetFen <= 0) return 0
  return Math.round(((budgetFen - leftFen) * 100) / budgetFen)
}

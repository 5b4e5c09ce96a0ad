// The rules editor's values: prices are typed in 元 and sent in fen; an instrument without rules
// starts from the server's defaults shown as a proposal.
import type { BookingRules } from '@/modules/bookings/types'

export const PRICE_FIELDS = [
  'internal_fen_per_hour',
  'external_fen_per_hour',
  'internal_fen_per_sample',
  'external_fen_per_sample',
] as const
export type PriceField = (typeof PRICE_FIELDS)[number]

export type RulesInput = Omit<BookingRules, 'bookable' | 'version' | PriceField> & Record<PriceField, number | null>

export const RULE_FIELDS = [
  'weekdays',
  'working_days_only',
  'opens_at',
  'closes_at',
  'slot_minutes',
  'min_notice_minutes',
  'horizon_days',
  'cancel_before_minutes',
  'max_minutes_per_week',
  'approval_required',
  'audience',
  ...PRICE_FIELDS,
] as const

/** A first proposal for an instrument that has no rules yet. */
export function defaultRules(): RulesInput {
  return {
    weekdays: '12345',
    working_days_only: true,
    opens_at: '08:30',
    closes_at: '17:30',
    slot_minutes: 30,
    min_notice_minutes: 120,
    horizon_days: 30,
    cancel_before_minutes: 1440,
    max_minutes_per_week: 0,
    approval_required: true,
    audience: 'signed_in',
    internal_fen_per_hour: null,
    external_fen_per_hour: null,
    internal_fen_per_sample: null,
    external_fen_per_sample: null,
  }
}

/** The form's values (prices in 元) from the server's rules. */
export function rulesToInput(rules: BookingRules): RulesInput {
  const out = { ...defaultRules() }
  for (const key of Object.keys(out) as (keyof RulesInput)[]) {
    const value = rules[key as keyof BookingRules]
    if (value !== undefined) (out as Record<string, unknown>)[key] = value
  }
  for (const f of PRICE_FIELDS) out[f] = rules[f] === null || rules[f] === undefined ? null : rules[f]! / 100
  return out
}

/** The body of PUT …/booking-rules: prices back to whole fen (null: no price). */
export function inputToRules(input: RulesInput): Omit<BookingRules, 'bookable' | 'version'> {
  const out = { ...input } as Omit<BookingRules, 'bookable' | 'version'>
  for (const f of PRICE_FIELDS) out[f] = input[f] === null ? null : Math.round(input[f]! * 100)
  return out
}

/** "12345" ⇄ [1,2,3,4,5] (1 Monday … 7 Sunday). */
export const weekdaysToList = (text: string) => [...text].map(Number).filter((n) => n >= 1 && n <= 7)
export const listToWeekdays = (days: number[]) => [...new Set(days)].sort().join('')

// The check's form as the unit fills it: money typed in 元 and sent in fen, the quotes as up to
// five rows, and the field paths the server's 422 names ("quotes[1].price_fen") so that each
// message lands beside its field. Limits follow src/modules/purchase_checks/check_form.cpp.
import { fenToYuanText, yuanToFen } from '@/modules/orders/money'
import type { Check, CheckTexts, FundingSource, Quote } from '@/modules/purchase-checks/types'

export const MAX_QUOTES = 5
export const QUOTES_REQUIRED = 3
/** 1,000亿元, the server's kMaxFen. */
export const MAX_FEN = 10_000_000_000_000

export const TEXT_LIMITS: Record<keyof CheckTexts, number> = {
  name: 200,
  model: 100,
  manufacturer: 200,
  country: 60,
  key_specs: 4000,
  purpose: 2000,
  discipline: 200,
  expected_users: 1000,
  open_plan: 2000,
  why_not_existing: 4000,
}
export const FUNDING_SOURCES: FundingSource[] = ['central_fiscal', 'city_fiscal', 'district_fiscal', 'own', 'other']
const QUOTE_FIELDS = ['supplier', 'model', 'price_fen', 'note'] as const

export interface QuoteRow {
  supplier: string
  model: string
  price: string
  note: string
}

export interface CheckForm extends CheckTexts {
  class_code: string
  budget: string
  funding_source: FundingSource | ''
  expected_hours: number | undefined
  site_ready: boolean
  running_cost_ready: boolean
  quotes: QuoteRow[]
}

export type CheckBody = CheckTexts & {
  class_code: string
  budget_fen: number
  funding_source: string
  expected_hours?: number
  site_ready: boolean
  running_cost_ready: boolean
  quotes: Quote[]
}

const TEXT_KEYS = Object.keys(TEXT_LIMITS) as (keyof CheckTexts)[]

export function emptyQuote(): QuoteRow {
  return { supplier: '', model: '', price: '', note: '' }
}

export function emptyForm(): CheckForm {
  const texts = Object.fromEntries(TEXT_KEYS.map((k) => [k, ''])) as unknown as CheckTexts
  return {
    ...texts,
    class_code: '',
    budget: '',
    funding_source: '',
    expected_hours: undefined,
    site_ready: false,
    running_cost_ready: false,
    quotes: [],
  }
}

/** A stored check as the form shows it again (edit, after a return). */
export function formOf(check: Check): CheckForm {
  const texts = Object.fromEntries(TEXT_KEYS.map((k) => [k, check[k] ?? ''])) as unknown as CheckTexts
  return {
    ...texts,
    class_code: check.class_code,
    budget: fenToYuanText(check.budget_fen),
    funding_source: check.funding_source,
    expected_hours: check.expected_hours,
    site_ready: check.site_ready,
    running_cost_ready: check.running_cost_ready,
    quotes: check.quotes.map((q) => ({ supplier: q.supplier, model: q.model, price: fenToYuanText(q.price_fen), note: q.note })),
  }
}

/** Every field path the server may name, for useFieldErrors. */
export function formFields(): string[] {
  const quoteFields: string[] = []
  for (let i = 0; i < MAX_QUOTES; i++) for (const f of QUOTE_FIELDS) quoteFields.push(`quotes[${i}].${f}`)
  return [...TEXT_KEYS, 'class_code', 'budget_fen', 'funding_source', 'expected_hours', 'site_ready', 'running_cost_ready', 'quotes', ...quoteFields]
}

/** The body for POST / PATCH, or the amounts that are not 元 (field path → text key). Missing
 * required fields are left to the server, which names them all at once. */
export function checkBody(form: CheckForm): { body: CheckBody | null; problems: Record<string, string> } {
  const problems: Record<string, string> = {}
  const budget = yuanToFen(form.budget)
  if (form.budget.trim() && (budget === null || budget > MAX_FEN)) problems.budget_fen = 'pc.form.badYuan'
  const quotes: Quote[] = form.quotes.map((q, i) => {
    const price = yuanToFen(q.price)
    if (q.price.trim() && (price === null || price > MAX_FEN)) problems[`quotes[${i}].price_fen`] = 'pc.form.badYuan'
    return { supplier: q.supplier.trim(), model: q.model.trim(), price_fen: price ?? 0, note: q.note.trim() }
  })
  if (form.quotes.length > MAX_QUOTES) problems.quotes = 'pc.form.tooManyQuotes'
  if (Object.keys(problems).length) return { body: null, problems }
  const texts = Object.fromEntries(TEXT_KEYS.map((k) => [k, form[k].trim()])) as unknown as CheckTexts
  const body: CheckBody = {
    ...texts,
    class_code: form.class_code,
    // 0 when empty: the server names it ("budget_fen": at least 1).
    budget_fen: budget ?? 0,
    funding_source: form.funding_source,
    site_ready: form.site_ready,
    running_cost_ready: form.running_cost_ready,
    quotes,
  }
  if (form.expected_hours !== undefined && form.expected_hours !== null) body.expected_hours = form.expected_hours
  return { body, problems }
}

/** Whether the budget reaches the threshold, so that three quotes and a panel are needed. */
export function isRequired(budgetText: string, thresholdFen: number | undefined): boolean {
  const fen = yuanToFen(budgetText)
  return fen !== null && thresholdFen !== undefined && fen >= thresholdFen
}

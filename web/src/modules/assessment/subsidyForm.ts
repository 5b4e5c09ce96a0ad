// The subsidy plan's form as people fill it in (yuan, with two decimals at most) and the body the
// server takes (integer fen); the server's messages of one override row.
import type { Grade } from '@/modules/assessment/types'

export interface SubsidyForm {
  budget: number
  cap: number
  minGrade: Grade
  factors: Record<Grade, number>
  overrides: { org_id: string; yuan: number; reason: string }[]
}

export interface SubsidyBody {
  budget_fen: number
  rule: { grade_factors: Record<Grade, number>; cap_fen: number; min_grade: Grade }
  overrides: { org_id: string; amount_fen: number; reason: string }[]
}

/** Yuan as typed → integer fen, rounded to the nearest fen (0.1 + 0.2 元 is 30 分, not 30.000000000000004). */
export function yuanToFen(yuan: number): number {
  return Math.round(Math.round(yuan * 1000) / 10)
}

export function subsidyBody(form: SubsidyForm): SubsidyBody {
  return {
    budget_fen: yuanToFen(form.budget),
    rule: { grade_factors: { ...form.factors }, cap_fen: yuanToFen(form.cap), min_grade: form.minGrade },
    overrides: form.overrides
      .filter((o) => o.org_id.trim() !== '')
      .map((o) => ({ org_id: o.org_id.trim(), amount_fen: yuanToFen(o.yuan), reason: o.reason.trim() })),
  }
}

/** The server's messages about override row `k` (overrides[k].org_id, .amount_fen, .reason), joined. The
 * rows sent are the filled ones, so `k` counts only those. */
export function overrideErrors(errors: Record<string, string>, k: number): string {
  const at = `overrides[${k}].`
  return Object.entries(errors)
    .filter(([field]) => field.startsWith(at))
    .map(([, message]) => message)
    .join('；')
}

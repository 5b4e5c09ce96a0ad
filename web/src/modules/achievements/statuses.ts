// Seed 000's five transformation statuses: their codes, how each is shown (the code with its
// meaning, from the module's texts) and which count as transformed (1–3, as the statistics do).
import { t } from '@/shared/i18n'

export const TRANSFORMATION_CODES = ['1', '2', '3', '4', '5'] as const

/** "2 — used by other firms; …": the code and its meaning; an unknown code as it is. */
export function transformationLabel(code: string): string {
  return (TRANSFORMATION_CODES as readonly string[]).includes(code) ? `${code} — ${t(`ach.transformation.${code}`)}` : code
}

/** Whether an achievement with these statuses counts as transformed (any of 1–3). */
export function isTransformed(codes: readonly string[]): boolean {
  return codes.some((c) => c === '1' || c === '2' || c === '3')
}

/** The statuses in their order, each once. */
export function sortedStatuses(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort()
}

// Which lists of requests the caller has (from its roles) and labels shared by the pages.
import { isEnglish, t } from '@/shared/i18n'
import { hasRole } from '@/shared/session'
import type { ClassCriteria, Criterion, EvaluationView } from '@/modules/evaluations/types'

/** The caller's lists, the widest first: the operator's queue, the unit's own, the assignee's. */
export function viewsOfCaller(): EvaluationView[] {
  const out: EvaluationView[] = []
  if (hasRole('operator')) out.push('all')
  if (hasRole('unit_admin')) out.push('mine')
  if (hasRole('expert', 'evaluation_agency')) out.push('assigned')
  return out
}

export const criterionName = (c: Criterion) => (isEnglish.value ? c.name_en : c.name_zh)
export const methodName = (c: ClassCriteria | undefined, code: string) =>
  c ? (isEnglish.value ? c.method_name_en : c.method_name_zh) : code
export const statusLabel = (s: string) => t(`eval.status.${s}`)
export const STATUS_TAG: Record<string, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  requested: 'warning',
  assigned: 'primary',
  scored: 'primary',
  completed: 'success',
  cancelled: 'info',
  declined: 'danger',
}

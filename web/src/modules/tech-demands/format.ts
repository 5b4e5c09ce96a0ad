// How demands show their numbers: a budget range in 元 (or 面议 when none is given).
import { t } from '@/shared/i18n'
import { formatYuan } from '@/shared/reference'

export function budgetText(d: { budget_min_fen: number | null; budget_max_fen: number | null }): string {
  const { budget_min_fen: min, budget_max_fen: max } = d
  if (min == null && max == null) return t('td.list.budgetNone')
  if (min != null && max != null) return min === max ? formatYuan(min) : `${formatYuan(min)} – ${formatYuan(max)}`
  return min != null ? `≥ ${formatYuan(min)}` : `≤ ${formatYuan(max)}`
}

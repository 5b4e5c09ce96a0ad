// Colours of states and grades, and how a measure's value reads (ratios as percentages).
import { isEnglish } from '@/shared/i18n'
import type { Grade } from '@/modules/assessment/types'

type Tag = 'info' | 'warning' | 'primary' | 'success' | 'danger'

export const GRADE_TAG: Record<Grade, Tag> = { excellent: 'success', good: 'primary', pass: 'warning', poor: 'danger' }
export const GRADE_COLOUR: Record<Grade, string> = { excellent: '#2e7d32', good: '#1f6feb', pass: '#e6a23c', poor: '#c0392b' }
export const CYCLE_TAG: Record<string, Tag> = {
  draft: 'info',
  review: 'warning',
  evaluation: 'primary',
  consolidated: 'primary',
  published: 'success',
}
export const RECT_TAG: Record<string, Tag> = { required: 'danger', filed: 'warning', returned: 'danger', accepted: 'success' }
export const PLAN_TAG: Record<string, Tag> = {
  draft: 'warning',
  recommended: 'primary',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'info',
}
export const GRADES: Grade[] = ['excellent', 'good', 'pass', 'poor']

/** A measure's value as people read it: a ratio as a percentage, counts whole, hours to one decimal. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—'
  if (unit === '比例' || unit === 'ratio') return `${(value * 100).toFixed(1)}%`
  if (Number.isInteger(value)) return value.toLocaleString('zh-CN')
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })
}

/** The unit's name in the page's language. */
export function unitOf(m: { unit: string; unit_en: string }): string {
  if (m.unit === '比例') return ''
  return isEnglish.value ? m.unit_en : m.unit
}

/** A name in the page's language (falls back to Chinese). */
export function nameOf(o: { name: string; name_en?: string }): string {
  return isEnglish.value && o.name_en ? o.name_en : o.name
}

// The filter form of the trail and the query it sends: the period is picked in local (Beijing)
// time and sent as UTC, empty fields are left out.
import type { AuditFilter } from '@/modules/audit/types'

export interface AuditFilterForm {
  /** Either end may be left open. */
  from: Date | null
  to: Date | null
  username: string
  event_type: string
  object_type: string
  object_id: string
  result: string
}

export function emptyFilterForm(): AuditFilterForm {
  return { from: null, to: null, username: '', event_type: '', object_type: '', object_id: '', result: '' }
}

/** A moment as the server's UTC form, 2026-01-31T00:00:00Z (whole seconds). */
export function utcText(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function toFilter(form: AuditFilterForm): AuditFilter {
  const filter: AuditFilter = {}
  if (form.from) filter.from = utcText(form.from)
  if (form.to) filter.to = utcText(form.to)
  for (const key of ['username', 'event_type', 'object_type', 'object_id', 'result'] as const) {
    const value = form[key].trim()
    if (value) filter[key] = value
  }
  return filter
}

// A notification as a sentence and a link: the kind picks the text, the params fill it in.
import { has, t } from '@/shared/i18n'
import { hasRole } from '@/shared/session'
import { formatYuan } from '@/shared/reference'
import type { Notification } from '@/modules/notifications/types'
import { subjectLink } from '@/modules/panels/kinds'

// Sent to the unit that provides the time or the service; the rest go to the client, except
// order_cancelled, which goes to whichever side did not cancel.
const FOR_PROVIDER = new Set(['booking_requested', 'booking_booked', 'booking_rescheduled', 'order_requested', 'order_confirmed'])

function beijingSpan(from?: unknown, to?: unknown): string {
  if (typeof from !== 'string' || typeof to !== 'string') return ''
  const shift = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString()
  const a = shift(from)
  const b = shift(to)
  return `${a.slice(0, 10)} ${a.slice(11, 16)}–${b.slice(11, 16)}`
}

export function messageOf(n: Notification): string {
  const key = `inbox.kinds.${n.kind}`
  if (!has(key)) return t('inbox.unknown', { kind: n.kind })
  return t(key, {
    instrument: String(n.params.instrument_name ?? ''),
    span: beijingSpan(n.params.starts_at, n.params.ends_at),
    service: String(n.params.service_name ?? ''),
    price: typeof n.params.quote_fen === 'number' ? formatYuan(n.params.quote_fen) : '',
    title: String(n.params.title ?? ''),
    score: String(n.params.score ?? ''),
    year: String(n.params.year ?? ''),
    due: String(n.params.due_on ?? ''),
    amount: typeof n.params.amount_fen === 'number' ? formatYuan(n.params.amount_fen) : '',
    count: String(n.params.count ?? ''),
    reason: String(n.params.reason ?? ''),
    name: String(n.params.name ?? ''),
    status: typeof n.params.status === 'string' && has(`pc.status.${n.params.status}`) ? t(`pc.status.${n.params.status}`) : String(n.params.status ?? ''),
  })
}

export function linkOf(n: Notification): string {
  if (n.kind.startsWith('booking_')) return FOR_PROVIDER.has(n.kind) ? '/bookings/desk' : '/bookings'
  if (n.kind.startsWith('evaluation_') && typeof n.params.evaluation_id === 'string') {
    return `/evaluations/${n.params.evaluation_id}`
  }
  if (n.kind === 'assessment_opened' && typeof n.params.result_id === 'string') {
    return `/assessment/results/${n.params.result_id}`
  }
  if (n.kind.startsWith('assessment_rectification')) return '/rectifications'
  if (n.kind === 'annual_report_returned' && typeof n.params.report_id === 'string') return `/annual-reports/${n.params.report_id}`
  if (n.kind.startsWith('annual_report_')) return '/annual-reports'
  if (n.kind === 'expert_assigned') {
    const link = typeof n.params.kind === 'string' && typeof n.params.subject_id === 'string' ? subjectLink(n.params.kind, n.params.subject_id) : null
    return link ?? '/expert-assignments'
  }
  if (n.kind.startsWith('purchase_check_') && typeof n.params.check_id === 'string') return `/purchase-checks/${n.params.check_id}`
  if (n.kind === 'tech_broker_assignment_requested') return '/tech-brokers/workbench'
  if (!n.kind.startsWith('order_')) return '/inbox'
  // A cancelled order: the client hears when the unit cancelled, the unit when the client did.
  const provider = FOR_PROVIDER.has(n.kind) || (n.kind === 'order_cancelled' && hasRole('unit_admin', 'operator'))
  return provider ? '/orders/desk' : '/orders'
}

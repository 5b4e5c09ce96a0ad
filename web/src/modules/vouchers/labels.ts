// What the voucher pages say about a programme and the colours of states.
import { t } from '@/shared/i18n'
import type { Application, ApplicationAction, Programme } from '@/modules/vouchers/types'
import { money } from '@/modules/vouchers/money'

type Tag = 'info' | 'warning' | 'primary' | 'success' | 'danger'

export const APP_TAG: Record<string, Tag> = {
  submitted: 'warning',
  reviewed: 'primary',
  issued: 'success',
  rejected: 'danger',
  withdrawn: 'info',
}
export const CLAIM_TAG: Record<string, Tag> = { claimed: 'warning', approved: 'primary', refused: 'danger', settled: 'success' }
export const USE_TAG: Record<string, Tag> = { reserved: 'warning', consumed: 'success', released: 'info' }
export const PROGRAMME_TAG: Record<string, Tag> = { draft: 'info', open: 'success', closed: 'warning' }

/** The programme's rules as sentences: share and caps, eligibility, validity, kinds. */
export function rulesLines(p: Programme): string[] {
  const lines = [
    t('vch.rules.share', { share: p.share_percent, cap: money(p.cap_per_order_fen) }),
    t('vch.rules.caps', { cap: money(p.cap_per_enterprise_fen), co: money(p.co_approval_fen) }),
    t('vch.rules.eligibility', {
      staff: p.max_staff,
      revenue: money(p.max_revenue_fen),
      capital: money(p.max_registered_capital_fen),
    }),
  ]
  if (p.startup_teams) lines.push(t('vch.rules.startups'))
  lines.push(t('vch.rules.validity', { use: p.use_by_days, redeem: p.redeem_by_days }))
  lines.push(t('vch.rules.kinds', { kinds: p.kinds.map((k) => t(`vch.kind.${k}`)).join('、') }))
  return lines
}

const REVIEW_STEPS: ApplicationAction[] = ['approve', 'recommend', 'co_approve', 'reject']

/** The review buttons of an application: the server's allowed_actions, less the one its amount
 * rules out. allowed_actions lists both approve and recommend to the operator whatever the amount,
 * but approving at or above the co-approval amount is refused (409): it goes to the finance bureau
 * by recommend; below it the operator approves alone. */
export function reviewSteps(a: Pick<Application, 'allowed_actions' | 'amount_fen'>, coApprovalFen: number | undefined): ApplicationAction[] {
  return REVIEW_STEPS.filter((s) => {
    if (!a.allowed_actions.includes(s)) return false
    if (coApprovalFen === undefined) return true
    if (s === 'approve') return a.amount_fen < coApprovalFen
    if (s === 'recommend') return a.amount_fen >= coApprovalFen
    return true
  })
}

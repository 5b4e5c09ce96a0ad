// Colours and names of a check's states, the rules' basis codes by direction (lifecycle.cpp
// BasisFor / BasisAgainst), the experts' recommendations and the file purposes (module.cpp).
import { has, t } from '@/shared/i18n'
import type { RecommendationOption } from '@/modules/panels/types'
import type { PurposeOption } from '@/modules/attachments/types'
import type { CheckStatus } from '@/modules/purchase-checks/types'

type Tag = 'info' | 'warning' | 'primary' | 'success' | 'danger'

export const STATUSES: CheckStatus[] = ['draft', 'submitted', 'in_review', 'recommended', 'sharing_advised', 'returned', 'withdrawn']
export const STATUS_TAG: Record<CheckStatus, Tag> = {
  draft: 'info',
  submitted: 'warning',
  in_review: 'primary',
  recommended: 'success',
  sharing_advised: 'danger',
  returned: 'danger',
  withdrawn: 'info',
}

/** The "for" principles of 财科教〔2019〕1号 and the reasons against. */
export const BASIS: Record<'recommend' | 'advise_sharing', string[]> = {
  recommend: ['no_comparable', 'comparables_saturated', 'comparables_unsuitable'],
  advise_sharing: ['comparable_available', 'low_expected_use', 'conditions_not_ready'],
}
export const RECOMMENDATIONS = ['purchase', 'share_existing', 'defer']
export const PURPOSES = ['quote', 'application', 'other']
/** Experts score while the check is in review (panels scoring_states). */
export const SCORING_STATES = ['in_review']
/** The workflow steps drawn as buttons, in this order; recommend / advise_sharing open the decision. */
export const STEP_ACTIONS = ['submit', 'start_review', 'recommend', 'advise_sharing', 'return', 'withdraw']

export const recommendationOptions = (): RecommendationOption[] =>
  RECOMMENDATIONS.map((value) => ({ value, label: t(`pc.recommendation.${value}`) }))
export const purposeOptions = (): PurposeOption[] => PURPOSES.map((value) => ({ value, label: t(`pc.purposes.${value}`) }))

/** A basis code as the rules word it (the code itself when unknown). */
export function basisName(code: string): string {
  return has(`pc.basis.${code}`) ? t(`pc.basis.${code}`) : code
}

/** The instrument's open status in the catalogue's words. */
export function openStatusName(status: string): string {
  return has(`instrument.openStatus.${status}`) ? t(`instrument.openStatus.${status}`) : status
}

/** Whole hours with thousands separators: 1200 → "1,200". */
export function hours(n: number): string {
  return n.toLocaleString('zh-CN')
}

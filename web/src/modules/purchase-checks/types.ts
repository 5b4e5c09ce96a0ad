// A purchase check as the server sends it, generated from its description
// (src/modules/purchase_checks/route_docs.cpp: the form's declarations, the workflow's states;
// `npm run api-types`).
import type { components, paths } from '@/shared/api-types'

type Schemas = components['schemas']
type PurchaseCheck = Schemas['PurchaseCheck']

export type CheckStatus = PurchaseCheck['status']
export type FundingSource = PurchaseCheck['funding_source']
export type Quote = PurchaseCheck['quotes'][number]

/** The unit's text fields, as kTextFields declares them. */
export type CheckTexts = Pick<
  PurchaseCheck,
  | 'name'
  | 'model'
  | 'manufacturer'
  | 'country'
  | 'key_specs'
  | 'purpose'
  | 'discipline'
  | 'expected_users'
  | 'open_plan'
  | 'why_not_existing'
>

export type LinkedInstrument = NonNullable<PurchaseCheck['instrument']>
export type SimilarInstrument = Schemas['SimilarInstrument']

/** A check as GET /purchase-checks/{id} answers it: with what the caller may do now. */
export type Check = Omit<PurchaseCheck, 'allowed_actions'> & { allowed_actions: string[] }
export type CheckListItem = Schemas['PurchaseCheckListItem']
export type Similar = paths['/purchase-checks/{id}/similar']['get']['responses'][200]['content']['application/json']
export type CheckSettings = Schemas['PurchaseCheckSettings']

/** One step of the workflow engine's history (GET …/steps). */
export interface CheckStep {
  action: string
  from: string
  to: string
  actor_user_id: string | null
  reason: string
  at: string
}

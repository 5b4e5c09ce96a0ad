// A lifecycle step from a row of a table (a booking's or an order's): asks for its reason where
// the step takes one, sends it, and says how it went.
import { ElMessage, ElMessageBox } from 'element-plus'
import { errorMessage } from '@/shared/api'
import { t } from '@/shared/i18n'

/** Whether a step asks for a reason: the server refuses rejecting and the provider's cancelling
 * without one; the client's cancelling takes one if given. Both lifecycles name them alike. */
function reasonNeed(action: string): 'required' | 'optional' | 'none' {
  if (action === 'reject' || action === 'provider_cancel') return 'required'
  return action === 'cancel' ? 'optional' : 'none'
}

/** True when the step was done; false when it was refused (the message shown) or called off. */
export async function runStep(action: string, title: string, send: (reason?: string) => Promise<unknown>): Promise<boolean> {
  const need = reasonNeed(action)
  let reason: string | undefined
  if (need !== 'none') {
    try {
      const answer = await ElMessageBox.prompt(
        need === 'required' ? t('booking.dialogs.reasonLabel') : t('booking.dialogs.reasonOptional'),
        title,
        {
          inputType: 'textarea',
          inputValidator: (v: string) => need !== 'required' || !!v?.trim() || t('booking.dialogs.reasonRequired'),
          confirmButtonText: t('booking.dialogs.confirm'),
          cancelButtonText: t('common.cancel'),
        },
      )
      reason = answer.value?.trim() || undefined
    } catch {
      return false // the person changed their mind
    }
  }
  try {
    await send(reason)
    ElMessage.success(t('booking.dialogs.done'))
    return true
  } catch (e) {
    ElMessage.error(errorMessage(e))
    return false
  }
}

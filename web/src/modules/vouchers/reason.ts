// A step that needs its reason (rejecting an application, refusing a claim, suspending a
// provider): asks for it, sends it, says how it went.
import { ElMessage, ElMessageBox } from 'element-plus'
import { errorMessage } from '@/shared/api'
import { t } from '@/shared/i18n'

/** True when sent; false when the person called it off or the server refused (message shown). */
export async function withReason(action: string, send: (reason: string) => Promise<unknown>): Promise<boolean> {
  let reason: string
  try {
    const answer = await ElMessageBox.prompt(t('vch.actions.reasonPrompt'), t('vch.actions.reasonTitle', { action }), {
      inputType: 'textarea',
      inputValidator: (v: string) => !!v?.trim() || t('vch.actions.reasonPrompt'),
      confirmButtonText: action,
      cancelButtonText: t('common.cancel'),
    })
    reason = answer.value.trim()
  } catch {
    return false
  }
  try {
    await send(reason)
    ElMessage.success(t('vch.actions.done'))
    return true
  } catch (e) {
    ElMessage.error(errorMessage(e))
    return false
  }
}

// Asking before a workflow step: a confirmation, or the reason a step needs (return, reject,
// reopen); null when the person changed their mind.
import { ElMessage, ElMessageBox } from 'element-plus'
import { errorMessage } from '@/shared/api'
import { t } from '@/shared/i18n'

const NEEDS_REASON = new Set(['return', 'reject', 'reopen'])

export async function askStep(action: string): Promise<{ reason?: string } | null> {
  const title = t(`asm.action.${action}`)
  try {
    if (NEEDS_REASON.has(action)) {
      const answer = await ElMessageBox.prompt(t('asm.action.reasonPrompt'), title, {
        confirmButtonText: title,
        cancelButtonText: t('common.cancel'),
        inputValidator: (v: string) => (v ?? '').trim().length >= 2 || t('asm.action.reasonPrompt'),
      })
      return { reason: answer.value.trim() }
    }
    await ElMessageBox.confirm(t('asm.action.confirmStep', { action: title }), title, {
      type: 'warning',
      confirmButtonText: title,
      cancelButtonText: t('common.cancel'),
    })
    return {}
  } catch {
    return null
  }
}

/** Asks, runs the step (with the reason, if it needs one), says it worked or why not, reloads. */
export async function runStep(action: string, call: (reason?: string) => Promise<unknown>, reload: () => Promise<void>): Promise<boolean> {
  const answer = await askStep(action)
  if (!answer) return false
  try {
    await call(answer.reason)
    ElMessage.success(t('asm.action.done'))
    await reload()
    return true
  } catch (e) {
    ElMessage.error(errorMessage(e))
    return false
  }
}

// Running a step that may need a reason: ask for it first (a prompt), then call the server.
import { ElMessage, ElMessageBox } from 'element-plus'
import { errorMessage } from '@/shared/api'
import { t } from '@/shared/i18n'

/** Steps whose reason the server requires. */
export const REASON_REQUIRED = new Set(['return', 'solve', 'abandon', 'decline', 'end', 'suspend'])

/** Asks for a reason when `action` needs one (null when the person cancels), else ''. */
export async function reasonFor(action: string): Promise<string | null> {
  if (!REASON_REQUIRED.has(action)) return ''
  try {
    const { value } = await ElMessageBox.prompt(t('td.reason.placeholder'), t('td.reason.title'), {
      confirmButtonText: t(`td.action.${action}`),
      cancelButtonText: t('common.cancel'),
      inputValidator: (v: string) => (v && v.trim() ? true : t('td.reason.required')),
    })
    return value.trim()
  } catch {
    return null
  }
}

/** Asks for a reason if needed, runs the step, says whether it worked; true when it did. */
export async function runStep(action: string, run: (reason: string) => Promise<unknown>): Promise<boolean> {
  const reason = await reasonFor(action)
  if (reason === null) return false
  try {
    await run(reason)
    ElMessage.success(t('td.done'))
    return true
  } catch (e) {
    ElMessage.error(errorMessage(e))
    return false
  }
}

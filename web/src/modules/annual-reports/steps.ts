// A workflow step of a report, asked for first: the reason for return and reopen, a confirmation
// otherwise; says it worked or why not. Returns the report after the step, or null.
import { ElMessage, ElMessageBox } from 'element-plus'
import { errorMessage } from '@/shared/api'
import { t } from '@/shared/i18n'
import { reportsApi } from '@/modules/annual-reports/api'
import type { Report } from '@/modules/annual-reports/types'

export const NEEDS_REASON = new Set(['return', 'reopen'])

export async function reportStep(id: string, action: string): Promise<Report | null> {
  const title = t(`ar.action.${action}`)
  let reason: string | undefined
  try {
    if (NEEDS_REASON.has(action)) {
      const answer = await ElMessageBox.prompt(t('ar.form.reasonPrompt'), title, {
        confirmButtonText: title,
        cancelButtonText: t('common.cancel'),
        inputValidator: (v: string) => (v ?? '').trim().length >= 2 || t('ar.form.reasonPrompt'),
      })
      reason = answer.value.trim()
    } else {
      await ElMessageBox.confirm(t('ar.form.confirmStep', { action: title }), title, {
        type: 'warning',
        confirmButtonText: title,
        cancelButtonText: t('common.cancel'),
      })
    }
  } catch {
    return null
  }
  try {
    const report = await reportsApi.step(id, action, reason)
    ElMessage.success(t('ar.form.done'))
    return report
  } catch (e) {
    ElMessage.error(errorMessage(e))
    return null
  }
}

// Which lists the caller has (from its roles), tags by state, and how a step asks for its reason.
import { ElMessage, ElMessageBox } from 'element-plus'
import { errorMessage } from '@/shared/api'
import { t } from '@/shared/i18n'
import { hasRole } from '@/shared/session'
import type { PlatformView } from '@/modules/tech-platforms/types'

/** The caller's lists, the widest first. */
export function viewsOfCaller(): PlatformView[] {
  const out: PlatformView[] = []
  if (hasRole('operator')) out.push('all')
  if (hasRole('district_officer')) out.push('district')
  if (hasRole('unit_admin')) out.push('mine')
  return out
}

export const STATUS_TAG: Record<string, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  draft: 'info',
  submitted: 'warning',
  returned: 'danger',
  district_recommended: 'warning',
  site_checked: 'primary',
  panel: 'primary',
  admitted: 'success',
  rejected: 'danger',
  open: 'warning',
  reported: 'primary',
  continued: 'success',
  rectifying: 'warning',
  removed: 'danger',
  not_submitted: 'danger',
}

/** Runs a step, asking first for its reason when `reason` is 'required'; reloads afterwards. */
export async function runStep(title: string, reason: 'none' | 'required', step: (text: string) => Promise<unknown>, reload: () => unknown) {
  let text = ''
  if (reason === 'required') {
    try {
      const answer = await ElMessageBox.prompt(t('tp.actions.reasonPlaceholder'), title, {
        confirmButtonText: title,
        cancelButtonText: t('common.cancel'),
        inputType: 'textarea',
        inputValidator: (v: string) => v.trim().length > 0 || t('tp.actions.reasonPlaceholder'),
      })
      text = answer.value?.trim() ?? ''
    } catch {
      return // changed their mind
    }
  }
  try {
    await step(text)
    ElMessage.success(t('tp.actions.done'))
  } catch (e) {
    ElMessage.error(errorMessage(e))
  }
  await reload()
}

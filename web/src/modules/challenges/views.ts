// What the challenge pages share: tags by state, money and countdown texts, who publishes, and how a
// step asks for its reason.
import { ElMessage, ElMessageBox } from 'element-plus'
import { errorMessage } from '@/shared/api'
import { t } from '@/shared/i18n'
import { formatYuan } from '@/shared/reference'
import { hasRole } from '@/shared/session'

export const STATUS_TAG: Record<string, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  draft: 'info',
  published: 'success',
  closed: 'warning',
  in_review: 'primary',
  awarded: 'success',
  failed: 'danger',
  in_progress: 'primary',
  accepted: 'success',
  terminated: 'danger',
  submitted: 'warning',
  withdrawn: 'info',
  chosen: 'success',
  not_chosen: 'info',
  pending: 'info',
  reported: 'warning',
  confirmed: 'success',
  rejected: 'danger',
}

/** "¥1,234.00 元" for people; amounts travel as fen. */
export const yuan = (fen: number) => `${formatYuan(fen)} ${t('ch.yuan')}`

/** The countdown of an open challenge: "剩余 N 天", "今天截止". */
export const countdown = (daysLeft: number) => (daysLeft > 0 ? t('ch.daysLeft', { n: daysLeft }) : t('ch.lastDay'))

export const isPublisher = () => hasRole('operator', 'department_reviewer')
export const isUnit = () => hasRole('unit_admin', 'enterprise')

/** Runs a step, asking first for its reason (or a note) when `ask` names the prompt; `reload` afterwards. */
export async function runStep(title: string, ask: string, step: (text: string) => Promise<unknown>, reload: () => unknown) {
  let text = ''
  if (ask) {
    try {
      const answer = await ElMessageBox.prompt(ask, title, {
        confirmButtonText: title,
        cancelButtonText: t('common.cancel'),
        inputType: 'textarea',
        inputValidator: (v: string) => v.trim().length > 0 || ask,
      })
      text = answer.value?.trim() ?? ''
    } catch {
      return // changed their mind
    }
  }
  try {
    await step(text)
    ElMessage.success(t('ch.actions.done'))
  } catch (e) {
    ElMessage.error(errorMessage(e))
  }
  await reload()
}

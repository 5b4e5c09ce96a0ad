// An action on one row of a table: ask first, run it while the row shows as busy, say that it
// worked (or why not), and reload the list.
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { errorMessage } from '@/shared/api'
import { t } from '@/shared/i18n'

export interface RowAction {
  /** The question and the button that confirms it. */
  confirm: { title: string; message: string; type: 'info' | 'success' | 'warning' }
  /** What to do once confirmed. */
  run: () => Promise<unknown>
  /** Shown when it worked. */
  done: string
}

export function useRowAction(reload: () => Promise<void>) {
  const busyId = ref('')

  async function act(id: string, action: RowAction): Promise<void> {
    try {
      await ElMessageBox.confirm(action.confirm.message, action.confirm.title, {
        type: action.confirm.type,
        confirmButtonText: action.confirm.title,
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return // the person changed their mind
    }
    busyId.value = id
    try {
      await action.run()
      ElMessage.success(action.done)
      await reload()
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      busyId.value = ''
    }
  }

  return { busyId, act }
}

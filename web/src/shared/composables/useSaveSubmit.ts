// The save wiring of the described forms (instrument, lab/service/finance product, achievement,
// talent, demand): save as a draft or save and submit, inside useFieldErrors' `attempt` so that
// every refused field shows its message; a create whose submit fails is kept as the current draft,
// so the next save updates it instead of creating a second one. On success a message and `done`;
// on failure the first field in error is scrolled into view.
import { nextTick, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { t } from '@/shared/i18n'

export interface SaveWiring<T> {
  current: Ref<T | null>
  /** useFieldErrors' attempt: runs the save, shows its errors, answers whether it worked. */
  attempt: (save: () => Promise<void>) => Promise<boolean>
  create: () => Promise<T>
  update: (current: T) => Promise<T>
  submit: (saved: T) => Promise<unknown>
  /** After a good save (and submit): usually back to the list. */
  done: () => unknown
  /** Called with the saved object before its submit (e.g. to note that it may be updated now). */
  saved?: (saved: T) => void
  /** False when the form must not be sent yet; it says why itself. */
  ready?: () => boolean
}

/** What a registered kind's collection offers (collectionApi). */
interface Registry<T> {
  create: (body: Record<string, unknown>) => Promise<T>
  update: (id: string, version: number, body: Record<string, unknown>) => Promise<T>
  review: (id: string, action: 'submit') => Promise<unknown>
}

/** The create, update and submit of a registered kind's form: its collection and its body. */
export function registryCalls<T extends { id: string; version: number }>(
  resources: () => Registry<T>,
  body: () => Record<string, unknown>,
): Pick<SaveWiring<T>, 'create' | 'update' | 'submit'> {
  return {
    create: () => resources().create(body()),
    update: (stored) => resources().update(stored.id, stored.version, body()),
    submit: (saved) => resources().review(saved.id, 'submit'),
  }
}

export function useSaveSubmit<T>(wiring: SaveWiring<T>) {
  async function save(andSubmit: boolean): Promise<boolean> {
    if (wiring.ready && !wiring.ready()) return false
    const worked = await wiring.attempt(async () => {
      const stored = wiring.current.value
      const saved = stored ? await wiring.update(stored) : await wiring.create()
      wiring.current.value = saved
      wiring.saved?.(saved)
      if (andSubmit) await wiring.submit(saved)
    })
    if (worked) {
      ElMessage.success(t(andSubmit ? 'form.savedAndSubmitted' : 'form.saved'))
      await wiring.done()
    } else {
      await nextTick()
      document.querySelector('.el-form-item.is-error')?.scrollIntoView({ behavior: 'smooth', block: 'center' })
    }
    return worked
  }
  return { save }
}

// Server validation errors for a form: messages of the form's own fields go next to those
// fields, anything else (and the error itself) to an alert above the form.
import { ref } from 'vue'
import { ApiError, errorMessage } from '@/shared/api'
import { t } from '@/shared/i18n'

export function useFieldErrors(formFields: readonly string[]) {
  const known = new Set(formFields)
  const errors = ref<Record<string, string>>({})
  const topError = ref('')
  const otherErrors = ref<string[]>([])

  function clear(): void {
    errors.value = {}
    topError.value = ''
    otherErrors.value = []
  }

  /** Shows `e`; returns true when it named at least one of the form's fields. */
  function show(e: unknown): boolean {
    clear()
    topError.value = errorMessage(e)
    if (!(e instanceof ApiError) || e.fields.length === 0) return false
    const shown: Record<string, string> = {}
    for (const [field, message] of Object.entries(e.fieldMessages())) {
      if (known.has(field)) shown[field] = message
      else otherErrors.value.push(message)
    }
    errors.value = shown
    const named = Object.keys(shown).length > 0
    if (named) topError.value = t('form.fixErrors')
    return named
  }

  /** A message the browser found before asking the server. */
  function setLocal(field: string, message: string): void {
    errors.value = { ...errors.value, [field]: message }
  }

  const saving = ref(false)
  /** Runs a save: `saving` while it runs, errors shown when it fails; true when it worked. */
  async function attempt(save: () => Promise<void>): Promise<boolean> {
    saving.value = true
    clear()
    try {
      await save()
      return true
    } catch (e) {
      show(e)
      return false
    } finally {
      saving.value = false
    }
  }

  return { errors, topError, otherErrors, saving, clear, show, setLocal, attempt }
}

// A dialog around a form (FormDialog) that saves to the server: its field errors
// (useFieldErrors), cleared and the form filled afresh each time it opens (onOpened), and the
// props FormDialog takes from them, bound at once with `v-bind="dialog"`.
import { computed } from 'vue'
import { onOpened } from './onOpened'
import { useFieldErrors } from './useFieldErrors'

export function useFormDialog(
  formFields: readonly string[],
  open: () => boolean,
  fill: () => void,
  options: { immediate?: boolean } = {},
) {
  const fieldErrors = useFieldErrors(formFields)
  onOpened(
    open,
    () => {
      fieldErrors.clear()
      fill()
    },
    options,
  )
  /** FormDialog's busy, error-title and error-others. */
  const dialog = computed(() => ({
    busy: fieldErrors.saving.value,
    errorTitle: fieldErrors.topError.value,
    errorOthers: fieldErrors.otherErrors.value,
  }))
  return { ...fieldErrors, dialog }
}

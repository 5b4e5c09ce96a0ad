// A dialog starts afresh each time it opens: `fill` sets its fields from what it is opened for.
// `immediate`: also when it is created open (a dialog mounted only while shown).
import { watch } from 'vue'

export function onOpened(open: () => boolean, fill: () => void, options: { immediate?: boolean } = {}): void {
  watch(
    open,
    (isOpen) => {
      if (isOpen) fill()
    },
    options,
  )
}

// Whether the window is phone-narrow (≤ 600 px, the breakpoint of the modules' CSS), kept up to date:
// a wide table there scrolls sideways and its last column (the opinion) is out of sight.
import { onBeforeUnmount, ref, type Ref } from 'vue'

export const NARROW_QUERY = '(max-width: 600px)'

export function useNarrow(): Ref<boolean> {
  const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : null
  const narrow = ref(query?.matches ?? false)
  const update = (e: MediaQueryListEvent) => (narrow.value = e.matches)
  query?.addEventListener('change', update)
  onBeforeUnmount(() => query?.removeEventListener('change', update))
  return narrow
}

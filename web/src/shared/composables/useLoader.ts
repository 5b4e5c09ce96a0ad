// Loading state of a page or dialog: `run(fn)` shows the spinner while fn runs and keeps its
// error's message for an alert.
import { ref } from 'vue'
import { errorMessage } from '@/shared/api'

export function useLoader() {
  const loading = ref(false)
  const error = ref('')

  async function run(fn: () => Promise<void>, describe: (e: unknown) => string = errorMessage): Promise<void> {
    loading.value = true
    error.value = ''
    try {
      await fn()
    } catch (e) {
      error.value = describe(e)
    } finally {
      loading.value = false
    }
  }

  return { loading, error, run }
}

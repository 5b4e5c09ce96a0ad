// A table of one page of a list: the page number lives in the URL, and the list loads again
// whenever it changes (the pager, the back button) or `load()` is called.
import { onMounted, ref, watch, type Ref } from 'vue'
import type { Page } from '@/shared/api'
import { useLoader } from './useLoader'
import { useQueryPage } from './useQueryState'

export function usePagedList<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>, pageSize = 20) {
  const rows = ref([]) as Ref<T[]>
  const total = ref(0)
  const page = useQueryPage()
  const { loading, error, run } = useLoader()

  function load(): Promise<void> {
    return run(async () => {
      const result = await fetchPage(page.value, pageSize)
      rows.value = result.items
      total.value = result.total
    })
  }

  watch(page, load)
  onMounted(load)
  return { rows, total, page, pageSize, loading, error, load }
}

// What the library's list pages share: a paged list that starts again at page 1 when one of its
// filters changes, and the kind tab (achievement, talent, team) kept in the URL.
import { computed, watch, type WritableComputedRef, type WatchSource } from 'vue'
import type { Page } from '@/shared/api'
import { usePagedList } from '@/shared/composables/usePagedList'
import { useQueryText } from '@/shared/composables/useQueryState'
import { KINDS, type Kind } from '@/modules/achievements/types'

export function useFilteredList<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>, filters: WatchSource[]) {
  const list = usePagedList(fetchPage)
  watch(filters, () => (list.page.value === 1 ? void list.load() : (list.page.value = 1)))
  return list
}

/** The kind shown, as ?kind= (left out for achievements). */
export function useKindQuery(): WritableComputedRef<Kind> {
  const query = useQueryText('kind')
  return computed({
    get: () => (KINDS.includes(query.value as Kind) ? (query.value as Kind) : 'achievement'),
    set: (k: Kind) => (query.value = k === 'achievement' ? '' : k),
  })
}

// Page state kept in the URL (filters, the page number) so that a reload, a shared link and the
// back button show the same list. Built on @vueuse/router's useRouteQuery.
import type { Ref } from 'vue'
import { useRouteQuery } from '@vueuse/router'

type QueryValue = string | string[] | null | undefined

function firstText(value: QueryValue): string {
  return (Array.isArray(value) ? value[0] : value) ?? ''
}

/** A text parameter ('' when absent; setting '' removes it). `push` adds a history entry. */
export function useQueryText(name: string, mode: 'push' | 'replace' = 'push'): Ref<string> {
  return useRouteQuery<QueryValue, string>(name, '', { mode, transform: { get: firstText, set: (v: string) => v } })
}

/** The page number, 1 when absent or not a positive number (page 1 is left out of the URL). */
export function useQueryPage(name = 'page', mode: 'push' | 'replace' = 'push'): Ref<number> {
  return useRouteQuery<QueryValue, number>(name, '1', {
    mode,
    transform: {
      get: (v) => Math.max(1, Math.floor(Number(firstText(v))) || 1),
      set: (v: number) => String(v),
    },
  })
}

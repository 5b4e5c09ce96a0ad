import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Page } from '@/shared/api'
import { usePagedList } from './usePagedList'

describe('usePagedList', () => {
  it('loads the page named in the URL, and again when the page changes', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/list', component: { render: () => null } }] })
    await router.push('/list?page=2')
    const asked: number[] = []
    let list!: ReturnType<typeof usePagedList<string>>
    mount(
      defineComponent({
        setup() {
          list = usePagedList(async (page, pageSize): Promise<Page<string>> => {
            asked.push(page)
            return { items: [`row ${page}`], total: 45, page, page_size: pageSize }
          })
          return () => h('div')
        },
      }),
      { global: { plugins: [router] } },
    )
    await flushPromises()
    expect(asked).toEqual([2])
    expect([list.rows.value, list.total.value, list.loading.value]).toEqual([['row 2'], 45, false])

    list.page.value = 3
    await flushPromises()
    expect(asked).toEqual([2, 3])
    expect(router.currentRoute.value.query.page).toBe('3')
  })
})

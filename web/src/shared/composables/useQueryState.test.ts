import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount, flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useQueryPage, useQueryText } from './useQueryState'

/** A page on a router at `url` that exposes its query refs. */
async function pageAt(url: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/list', component: { render: () => null } }] })
  await router.push(url)
  let state!: { q: ReturnType<typeof useQueryText>; page: ReturnType<typeof useQueryPage> }
  const Page = defineComponent({
    setup() {
      state = { q: useQueryText('q'), page: useQueryPage() }
      return () => h('div')
    },
  })
  mount(Page, { global: { plugins: [router] } })
  return { router, state }
}

describe('URL state', () => {
  it('reads the query, with page 1 and empty text when absent or malformed', async () => {
    expect((await pageAt('/list?q=质谱&page=3')).state.page.value).toBe(3)
    const { state } = await pageAt('/list?page=abc')
    expect(state.q.value).toBe('')
    expect(state.page.value).toBe(1)
  })

  it('writes changes to the URL and leaves defaults out of it', async () => {
    const { router, state } = await pageAt('/list?page=2')
    state.q.value = '电镜'
    state.page.value = 1
    await nextTick()
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ q: '电镜' })
  })

  it('follows the URL when it changes (the back button)', async () => {
    const { router, state } = await pageAt('/list')
    await router.push('/list?q=x&page=4')
    expect([state.q.value, state.page.value]).toEqual(['x', 4])
  })
})

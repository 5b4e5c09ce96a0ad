import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { useSaveSubmit } from '@/shared/composables/useSaveSubmit'

interface Item {
  id: string
  version: number
}

/** An attempt like useFieldErrors': true when the save did not throw. */
async function attempt(save: () => Promise<void>): Promise<boolean> {
  try {
    await save()
    return true
  } catch {
    return false
  }
}

function wiring(overrides: { submitFails?: boolean; ready?: boolean } = {}) {
  const current = ref<Item | null>(null)
  const calls: string[] = []
  const done = vi.fn()
  let next = 1
  const { save } = useSaveSubmit<Item>({
    current,
    attempt,
    create: async () => (calls.push('create'), { id: String(next++), version: 1 }),
    update: async (stored) => (calls.push(`update ${stored.id} v${stored.version}`), { ...stored, version: stored.version + 1 }),
    submit: async (saved) => {
      calls.push(`submit ${saved.id}`)
      if (overrides.submitFails) throw new Error('refused')
    },
    done,
    ready: overrides.ready === undefined ? undefined : () => overrides.ready!,
  })
  return { current, calls, done, save }
}

describe('useSaveSubmit', () => {
  it('creates, submits and is done', async () => {
    const w = wiring()
    expect(await w.save(true)).toBe(true)
    expect(w.calls).toEqual(['create', 'submit 1'])
    expect(w.done).toHaveBeenCalledOnce()
  })

  it('saves a draft without submitting', async () => {
    const w = wiring()
    expect(await w.save(false)).toBe(true)
    expect(w.calls).toEqual(['create'])
  })

  it('keeps a created draft whose submit failed, so the next save updates it', async () => {
    const w = wiring({ submitFails: true })
    expect(await w.save(true)).toBe(false)
    expect(w.done).not.toHaveBeenCalled()
    expect(w.current.value).toEqual({ id: '1', version: 1 })
    await w.save(false)
    expect(w.calls).toEqual(['create', 'submit 1', 'update 1 v1'])
    expect(w.current.value?.version).toBe(2)
  })

  it('sends nothing while the form is not ready', async () => {
    const w = wiring({ ready: false })
    expect(await w.save(true)).toBe(false)
    expect(w.calls).toEqual([])
    expect(w.done).not.toHaveBeenCalled()
  })
})

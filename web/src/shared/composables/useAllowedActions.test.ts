import { afterEach, describe, expect, it, vi } from 'vitest'
import { kindsApi, type AllowedAction } from '@/shared/kinds'
import { useAllowedActions } from './useAllowedActions'

afterEach(() => vi.restoreAllMocks())

describe('useAllowedActions', () => {
  it("answers from each row's own allowed actions and forgets the previous page", async () => {
    const answers: Record<string, AllowedAction[]> = { a: ['update', 'submit'], b: ['withdraw'], c: [] }
    const asked = vi
      .spyOn(kindsApi, 'allowedActions')
      .mockImplementation(async (_collection, id) => new Set(answers[id]))
    const { loadFor, may } = useAllowedActions('instruments')
    await loadFor(['a', 'b'])
    expect(asked).toHaveBeenCalledWith('instruments', 'a')
    expect([may('a', 'submit'), may('a', 'withdraw'), may('b', 'withdraw')]).toEqual([true, false, true])
    await loadFor(['c'])
    expect([may('a', 'submit'), may('c', 'update')]).toEqual([false, false])
  })
})

import { describe, expect, it } from 'vitest'
import { ApiError } from '@/shared/api'
import { useLoader } from './useLoader'

describe('useLoader', () => {
  it('shows loading while the work runs and clears it afterwards', async () => {
    const { loading, error, run } = useLoader()
    let release!: () => void
    const work = run(() => new Promise<void>((resolve) => (release = resolve)))
    expect(loading.value).toBe(true)
    release()
    await work
    expect(loading.value).toBe(false)
    expect(error.value).toBe('')
  })

  it("keeps a failure's message and forgets it on the next run", async () => {
    const { loading, error, run } = useLoader()
    await run(async () => {
      throw new ApiError(409, 'version_conflict', '已被他人修改')
    })
    expect(error.value).toBe('已被他人修改')
    expect(loading.value).toBe(false)
    await run(async () => {})
    expect(error.value).toBe('')
  })

  it('describes a failure its own way when asked', async () => {
    const { error, run } = useLoader()
    await run(
      async () => {
        throw new ApiError(404, 'not_found', 'x')
      },
      () => 'not there yet',
    )
    expect(error.value).toBe('not there yet')
  })
})

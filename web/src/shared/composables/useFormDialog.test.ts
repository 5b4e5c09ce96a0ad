import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { ApiError } from '@/shared/api'
import { useFormDialog } from './useFormDialog'

describe('useFormDialog', () => {
  it('fills the form and forgets the last errors each time the dialog opens', async () => {
    const open = ref(false)
    let filled = 0
    const scope = effectScope()
    const d = scope.run(() => useFormDialog(['name'], () => open.value, () => filled++))!
    d.setLocal('name', 'required')
    open.value = true
    await nextTick()
    expect(filled).toBe(1)
    expect(d.errors.value).toEqual({})
    open.value = false
    await nextTick()
    expect(filled).toBe(1) // closing fills nothing
    scope.stop()
  })

  it("gives FormDialog the save's progress and the server's errors", async () => {
    const scope = effectScope()
    const d = scope.run(() => useFormDialog(['name'], () => true, () => {}))!
    let finish: () => void = () => {}
    const saving = d.attempt(() => new Promise<void>((resolve) => (finish = resolve)))
    expect(d.dialog.value.busy).toBe(true)
    finish()
    await saving
    expect(d.dialog.value).toEqual({ busy: false, errorTitle: '', errorOthers: [] })
    await d.attempt(async () => {
      throw new ApiError(422, 'validation_failed', 'bad', [{ field: 'other', message: 'wrong' }])
    })
    expect(d.dialog.value.errorOthers).toEqual(['wrong'])
    scope.stop()
  })
})

import { describe, expect, it } from 'vitest'
import { ApiError } from '@/shared/api'
import { useFieldErrors } from './useFieldErrors'

const invalid = (fields: { field: string; message: string }[]) => new ApiError(422, 'validation_failed', '输入有误', fields)

describe('useFieldErrors', () => {
  it("puts messages of the form's fields next to them and the rest in the alert", () => {
    const { errors, topError, otherErrors, show } = useFieldErrors(['name', 'code'])
    const named = show(
      invalid([
        { field: 'name', message: '必填' },
        { field: 'name', message: '太长' },
        { field: 'scope', message: '范围无效' },
      ]),
    )
    expect(named).toBe(true)
    expect(errors.value).toEqual({ name: '必填\n太长' })
    expect(otherErrors.value).toEqual(['范围无效'])
    expect(topError.value).toBe('请按提示修改标红的字段')
  })

  it("keeps the error's own message when no field of the form is named", () => {
    const { errors, topError, otherErrors, show } = useFieldErrors(['name'])
    expect(show(invalid([{ field: 'other', message: '不对' }]))).toBe(false)
    expect(errors.value).toEqual({})
    expect(otherErrors.value).toEqual(['不对'])
    expect(topError.value).toBe('输入有误')
  })

  it('shows a plain failure in the alert only, and clear() empties everything', () => {
    const { errors, topError, otherErrors, show, clear, setLocal } = useFieldErrors(['name'])
    expect(show(new Error('boom'))).toBe(false)
    expect(topError.value).toBe('boom')
    setLocal('name', '格式不对')
    expect(errors.value).toEqual({ name: '格式不对' })
    clear()
    expect([errors.value, topError.value, otherErrors.value]).toEqual([{}, '', []])
  })
})

import { describe, expect, it } from 'vitest'
import type { FieldSpec, FieldType } from '@/shared/kinds'
import { emptyValue, formValue, requestValue } from './fieldValues'

const spec = (type: FieldType): FieldSpec => ({ name: 'f', type, required: false, max_chars: 0, choices: [] })

describe('field values', () => {
  it('starts each type empty in its own way', () => {
    expect(emptyValue(spec('text'))).toBe('')
    expect(emptyValue(spec('money'))).toBeNull()
    expect(emptyValue(spec('date'))).toBeNull()
    expect(emptyValue(spec('bool'))).toBe(false)
    expect(emptyValue(spec('enum_list'))).toEqual([])
  })

  it("reads the server's null as the empty value and copies lists", () => {
    const stored = ['a']
    const value = formValue(spec('string_list'), stored)
    expect(value).toEqual(['a'])
    expect(value).not.toBe(stored)
    expect(formValue(spec('text'), null)).toBe('')
    expect(formValue(spec('bool'), 1)).toBe(true)
    expect(formValue(spec('money'), 12345)).toBe(12345)
  })

  it('sends single-line text trimmed, long text as typed, empty choices and dates as null', () => {
    expect(requestValue(spec('text'), '  名称 ')).toBe('名称')
    expect(requestValue(spec('long_text'), ' 第一行\n')).toBe(' 第一行\n')
    expect(requestValue(spec('enum'), '')).toBeNull()
    expect(requestValue(spec('code'), '110108')).toBe('110108')
    expect(requestValue(spec('date'), '')).toBeNull()
    expect(requestValue(spec('money'), null)).toBeNull()
  })
})

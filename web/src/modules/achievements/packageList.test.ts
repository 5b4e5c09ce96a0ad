import { describe, expect, it } from 'vitest'
import { addItem, changed, moveItem, removeItem } from './packageList'
import type { PackageItem } from './types'

const item = (id: string): PackageItem => ({ id, name: `成果${id}`, class: 'applied_research', org_name: '单位', registration_no: '' })

describe("the package builder's list", () => {
  it('adds an achievement once, at the end', () => {
    const list = addItem([item('1')], item('2'))
    expect(list.map((i) => i.id)).toEqual(['1', '2'])
    expect(addItem(list, item('1')).map((i) => i.id)).toEqual(['1', '2'])
  })

  it('moves within the list and removes', () => {
    const list = [item('1'), item('2'), item('3')]
    expect(moveItem(list, 2, -1).map((i) => i.id)).toEqual(['1', '3', '2'])
    expect(moveItem(list, 0, -1).map((i) => i.id)).toEqual(['1', '2', '3'])
    expect(moveItem(list, 1, 5).map((i) => i.id)).toEqual(['1', '3', '2'])
    expect(removeItem(list, '2').map((i) => i.id)).toEqual(['1', '3'])
  })

  it('knows when the order or the items differ from the saved list', () => {
    const saved = [item('1'), item('2')]
    expect(changed([item('1'), item('2')], saved)).toBe(false)
    expect(changed([item('2'), item('1')], saved)).toBe(true)
    expect(changed([item('1')], saved)).toBe(true)
  })
})

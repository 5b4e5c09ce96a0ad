import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '@/shared/api'
import { groupClasses, instrumentClassName, loadInstrumentClasses, type InstrumentClassRow } from './instrumentClasses'

const ROWS: InstrumentClassRow[] = [
  { code: '01', name: '分析仪器', name_en: 'Analytical instruments', level: 1, parent: '' },
  { code: '0102', name: '质谱仪器', name_en: 'Mass spectrometers', level: 2, parent: '01' },
  { code: '011300', name: '其他', name_en: 'Other', level: 2, parent: '01' },
  { code: '12', name: '其他仪器', name_en: '', level: 1, parent: '' },
]

afterEach(() => vi.restoreAllMocks())

describe('instrument classes from the server', () => {
  it('groups the flat list under its level-1 classes, falling back to Chinese without English', () => {
    const groups = groupClasses(ROWS)
    expect(groups.map((g) => g.code)).toEqual(['01', '12'])
    expect(groups[0].children.map((c) => c.code)).toEqual(['0102', '011300'])
    expect(groups[1]).toEqual({ code: '12', zh: '其他仪器', en: '其他仪器', children: [] })
  })

  it('names a class once the list has arrived, and shows the code until then', async () => {
    expect(instrumentClassName('0102', 'en')).toBe('0102')
    const asked = vi.spyOn(api, 'get').mockResolvedValue({ items: ROWS })
    await loadInstrumentClasses()
    expect(asked).toHaveBeenCalledWith('/instrument-classes')
    expect(instrumentClassName('0102', 'en')).toBe('Mass spectrometers')
    expect(instrumentClassName('011300', 'zh')).toBe('分析仪器 · 其他')
    expect(instrumentClassName('9999', 'zh')).toBe('9999')
    expect(instrumentClassName(null, 'zh')).toBe('')
  })
})

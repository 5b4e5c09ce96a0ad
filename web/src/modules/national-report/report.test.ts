import { describe, expect, it } from 'vitest'
import {
  defaultYear,
  elementName,
  groupByRecord,
  instrumentLink,
  recordsPerSheet,
  yearChoices,
} from '@/modules/national-report/report'
import type { CheckProblem } from '@/modules/national-report/types'

const problem = (sheet: string, id: string, element: string, instrument_id = id): CheckProblem => ({
  sheet,
  id,
  name: `仪器${instrument_id}`,
  element,
  message: `缺少必填要素“${element}”`,
  instrument_id,
})

describe('the years', () => {
  it('runs from this year down to 2000', () => {
    const years = yearChoices(2026)
    expect(years[0]).toBe(2026)
    expect(years[years.length - 1]).toBe(2000)
    expect(years).toHaveLength(27)
  })
  it('starts at last year in the first quarter, when the report is due', () => {
    expect(defaultYear(new Date(2027, 1, 15))).toBe(2026)
    expect(defaultYear(new Date(2026, 11, 7))).toBe(2026)
    expect(defaultYear(new Date(2026, 3, 1))).toBe(2026)
  })
})

describe('the check per record', () => {
  const problems = [
    problem('仪器设备', '7', '主要学科领域'),
    problem('仪器设备', '7', '运行状态'),
    problem('仪器设备', '9', '电话'),
    problem('服务记录', '7', '用户评价', '12'),
    problem('仪器设备', '全部', '预约服务网址', ''),
  ]

  it('groups the elements of one record, keeping the order and telling sheets apart', () => {
    const records = groupByRecord(problems)
    expect(records.map((r) => r.key)).toEqual(['仪器设备|7', '仪器设备|9', '服务记录|7', '仪器设备|全部'])
    expect(records[0].elements).toEqual(['主要学科领域', '运行状态'])
    expect(records[0].messages).toHaveLength(2)
    expect(recordsPerSheet(records)).toEqual({ 仪器设备: 3, 服务记录: 1 })
  })

  it('links a service record to its instrument and a line about every record to nothing', () => {
    const records = groupByRecord(problems)
    expect(instrumentLink(records[0])).toBe('/instruments/7')
    expect(instrumentLink(records[2])).toBe('/instruments/12')
    expect(instrumentLink(records[3])).toBeNull()
  })

  it('does not repeat an element named twice', () => {
    const records = groupByRecord([problem('仪器设备', '3', '电话'), problem('仪器设备', '3', '电话')])
    expect(records[0].elements).toEqual(['电话'])
  })

  it('is empty for a clean year', () => {
    expect(groupByRecord([])).toEqual([])
  })
})

describe('element names', () => {
  it('stays Chinese in Chinese and is English in English, unknown ones as they are', () => {
    expect(elementName('运行状态', false)).toBe('运行状态')
    expect(elementName('运行状态', true)).toBe('Running state')
    expect(elementName('街道（门牌号）', true)).toBe('Street address')
    expect(elementName('新要素', true)).toBe('新要素')
  })
})

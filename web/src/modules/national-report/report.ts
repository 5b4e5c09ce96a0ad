// The national report page's logic, apart from the page so that it is tested alone: the years one
// may pick, the check's lines grouped per record, the elements' English names.
import type { CheckProblem } from '@/modules/national-report/types'

/** The server's first year (module.cpp ReadYear). */
export const FIRST_YEAR = 2000

/** The years the server accepts, latest first: 2000 to this year. */
export function yearChoices(thisYear: number): number[] {
  const out: number[] = []
  for (let y = thisYear; y >= FIRST_YEAR; y--) out.push(y)
  return out
}

/** The year shown first: the last full year in its first quarter (when reports are due), else this one. */
export function defaultYear(today: Date): number {
  const y = today.getFullYear()
  return today.getMonth() < 3 && y > FIRST_YEAR ? y - 1 : y
}

/** A record of the check with every element it lacks. */
export interface CheckRecord {
  key: string
  sheet: string
  id: string
  name: string
  instrumentId: string
  elements: string[]
  messages: string[]
}

/** The check's lines, one per record in the server's order, its elements in order. */
export function groupByRecord(problems: CheckProblem[]): CheckRecord[] {
  const byKey = new Map<string, CheckRecord>()
  for (const p of problems) {
    const key = `${p.sheet}|${p.id}`
    let record = byKey.get(key)
    if (!record) {
      record = { key, sheet: p.sheet, id: p.id, name: p.name, instrumentId: p.instrument_id ?? '', elements: [], messages: [] }
      byKey.set(key, record)
    }
    if (!record.elements.includes(p.element)) record.elements.push(p.element)
    record.messages.push(p.message)
  }
  return [...byKey.values()]
}

/** The page of the record's instrument (the report holds approved ones: their public page). */
export function instrumentLink(record: CheckRecord): string | null {
  return /^\d+$/.test(record.instrumentId) ? `/instruments/${record.instrumentId}` : null
}

// The workbook's headers that the check names, in English (the file itself stays Chinese).
const ELEMENTS_EN: Record<string, string> = {
  设备分类编码: 'Class code (6 digits)',
  主要学科领域: 'Main subjects',
  产地国别: 'Country of origin',
  运行状态: 'Running state',
  仪器设备来源: 'Source (purchase date)',
  服务内容: 'Service content',
  参考收费标准: 'Reference fees',
  预约服务网址: 'Booking URL',
  '区（县）': 'District',
  '街道（门牌号）': 'Street address',
  联系人: 'Contact person',
  电话: 'Phone',
  电子邮箱: 'Email',
  服务量: 'Quantity of service',
  申请人: 'Applicant',
  用户评价: "Client's rating",
  仪器设备: 'Instruments',
  服务记录: 'Service records',
}

/** A sheet's or element's name in the UI's language: Chinese as the file has it, or English. */
export function elementName(element: string, english: boolean): string {
  return english ? (ELEMENTS_EN[element] ?? element) : element
}

/** Counts per sheet of the records named by the check. */
export function recordsPerSheet(records: CheckRecord[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of records) out[r.sheet] = (out[r.sheet] ?? 0) + 1
  return out
}

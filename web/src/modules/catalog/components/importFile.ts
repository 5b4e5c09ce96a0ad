// Spreadsheet import of the high-tech catalog's sub-categories: the template, the request and
// the per-row errors of a refused file.
import { api, ApiError } from '@/shared/api'
import type { ImportResult } from '@/modules/catalog/types'

export const TEMPLATE_HEADERS = ['产业', '子类', '行业代码', '经营范围']
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The Content-Type to send a file with: from its name, as browsers disagree about .csv. */
export function contentTypeOf(file: File): string {
  const name = file.name.toLowerCase()
  if (name.endsWith('.xlsx')) return XLSX
  if (name.endsWith('.csv')) return 'text/csv'
  return file.type || 'application/octet-stream'
}

export function isSpreadsheet(file: File): boolean {
  return /\.(xlsx|csv)$/i.test(file.name)
}

export function runImport(file: File, dryRun: boolean): Promise<ImportResult> {
  return api.post<ImportResult>('/imports', undefined, {
    query: { kind: 'hitech_catalog', dry_run: String(dryRun) },
    raw: { data: file, contentType: contentTypeOf(file) },
  })
}

export interface RowError {
  /** The row as numbered in the spreadsheet, or null for an error of the whole file. */
  row: number | null
  /** The column's key as the server names it (industry, subcategory, code, scope …) or ''. */
  column: string
  message: string
}

/** `rows[5].code` (or `rows.5.code`) → row 5, column code; any other field is about the file. */
export function rowErrors(e: ApiError): RowError[] {
  const out: RowError[] = e.fields.map((f) => {
    const m = /^rows(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/.exec(f.field)
    if (!m) return { row: null, column: f.field, message: f.message }
    return { row: Number(m[1] ?? m[2]), column: m[3] ?? '', message: f.message }
  })
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
}

/** A CSV with the template's headers, UTF-8 with a BOM so that Excel reads the Chinese. */
export function downloadTemplate(fileName: string): void {
  const blob = new Blob(['\uFEFF' + TEMPLATE_HEADERS.join(',') + '\r\n'], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

// What the import API answers (docs/design/data-exchange.md, THE IMPORT API): the kinds with their
// template columns, and one run of an import — a dry run or a real one — with its counts, rows,
// refused rows' errors and the report's address.

export interface ImportColumn {
  key: string
  header_zh: string
  header_en: string
  required: boolean
  note_zh?: string
  note_en?: string
  example?: string
}

export interface ImportKind {
  kind: string
  label_zh: string
  label_en: string
  columns: ImportColumn[]
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed'
export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'refused'

export interface RunRow {
  /** The spreadsheet's row number as Excel shows it. */
  row: number
  outcome: RowOutcome
  id: string | number | null
  name: string
}

export interface RunError {
  row: number
  /** The column's header as the file has it. */
  column: string
  field: string
  /** In Chinese; message_en in English. */
  message: string
  message_en?: string
}

export interface ImportRun {
  id: string | number
  kind: string
  status: RunStatus
  dry_run: boolean
  all_or_nothing: boolean
  file_name: string
  rows_total: number
  rows_done: number
  counts: Record<RowOutcome, number>
  rows: RunRow[]
  rows_cut?: boolean
  errors: RunError[]
  report_url: string
  /** Why a run failed as a whole (a job interrupted …), when it did. */
  failure?: string
}

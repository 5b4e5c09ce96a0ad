// The import wizard's state, as pure functions so that vitest checks them without a page:
// kind → template → file → dry run (the report) → apply → result. The page holds one
// WizardState and moves it only through these functions.
import type { ImportRun, RowOutcome, RunError } from '@/modules/imports/types'

export type Step = 'kind' | 'file' | 'report' | 'result'
export const STEPS: Step[] = ['kind', 'file', 'report', 'result']

/** The largest file the wizard sends (the server has its own limit; this spares a long upload). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024

export interface WizardState {
  kind: string
  fileName: string
  /** The last dry run of the chosen file. */
  check: ImportRun | null
  /** The real run, once applied. */
  applied: ImportRun | null
  allOrNothing: boolean
}

export function initialState(kind = ''): WizardState {
  return { kind, fileName: '', check: null, applied: null, allOrNothing: false }
}

/** The step the state is at: each step needs what the ones before it gave. */
export function stepOf(s: WizardState): Step {
  if (!s.kind) return 'kind'
  if (s.applied) return 'result'
  if (s.check && s.fileName) return 'report'
  return 'file'
}

export function chooseKind(s: WizardState, kind: string): WizardState {
  return kind === s.kind ? s : { ...initialState(kind), allOrNothing: s.allOrNothing }
}

/** A new file forgets the checks of the one before. */
export function chooseFile(s: WizardState, fileName: string): WizardState {
  return { ...s, fileName, check: null, applied: null }
}

export function checked(s: WizardState, run: ImportRun): WizardState {
  return { ...s, check: run, applied: null }
}

export function applied(s: WizardState, run: ImportRun): WizardState {
  return { ...s, applied: run }
}

/** Back to the upload of a corrected file, keeping the kind. */
export function again(s: WizardState): WizardState {
  return { ...initialState(s.kind), allOrNothing: s.allOrNothing }
}

type FileProblem = 'imp.file.type' | 'imp.file.empty' | 'imp.file.tooLarge'

/** Why a chosen file cannot be sent (a text key), or null. */
export function fileProblem(name: string, size: number): FileProblem | null {
  if (!/\.(xlsx|csv)$/i.test(name)) return 'imp.file.type'
  if (size === 0) return 'imp.file.empty'
  if (size > MAX_FILE_BYTES) return 'imp.file.tooLarge'
  return null
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The Content-Type the upload declares; the server detects the CSV's encoding itself. */
export function contentTypeOf(name: string): string {
  return /\.csv$/i.test(name) ? 'text/csv' : XLSX_TYPE
}

/** A run still queued or running as a job: the page polls it. */
export function isPending(run: ImportRun | null): boolean {
  return !!run && (run.status === 'queued' || run.status === 'running')
}

/** How far a run is, 0–100. */
export function progress(run: ImportRun): number {
  if (run.status === 'done' || run.status === 'failed') return 100
  if (!run.rows_total) return 0
  return Math.min(100, Math.floor((run.rows_done / run.rows_total) * 100))
}

/** The rows that would be written: created or updated. */
export function writable(run: ImportRun): number {
  return (run.counts.created ?? 0) + (run.counts.updated ?? 0)
}

/** Why the checked file cannot be applied as it is (a text key), or null when it can. */
export function applyBlocker(s: WizardState): 'imp.apply.notChecked' | 'imp.apply.nothing' | 'imp.apply.refusedAll' | null {
  const run = s.check
  if (!run || run.status !== 'done') return 'imp.apply.notChecked'
  if (s.allOrNothing && (run.counts.refused ?? 0) > 0) return 'imp.apply.refusedAll'
  if (writable(run) === 0) return 'imp.apply.nothing'
  return null
}

export interface RefusedRow {
  row: number
  name: string
  errors: RunError[]
}

/** The refused rows in row order, each with every error the server named for it. */
export function refusedRows(run: ImportRun): RefusedRow[] {
  const byRow = new Map<number, RefusedRow>()
  const names = new Map(run.rows.map((r) => [r.row, r.name]))
  for (const r of run.rows) if (r.outcome === 'refused') byRow.set(r.row, { row: r.row, name: r.name, errors: [] })
  for (const e of run.errors) {
    let entry = byRow.get(e.row)
    if (!entry) byRow.set(e.row, (entry = { row: e.row, name: names.get(e.row) ?? '', errors: [] }))
    entry.errors.push(e)
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row)
}

export const OUTCOMES: RowOutcome[] = ['created', 'updated', 'unchanged', 'refused']

/** Polls `fetch` until the run is no longer pending; `onProgress` sees each answer. */
export async function untilDone(
  run: ImportRun,
  fetch: (id: ImportRun['id']) => Promise<ImportRun>,
  onProgress: (run: ImportRun) => void,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  signal?: { stopped: boolean },
): Promise<ImportRun> {
  let current = run
  let delay = 500
  while (isPending(current) && !signal?.stopped) {
    await wait(delay)
    current = await fetch(current.id)
    onProgress(current)
    delay = Math.min(delay * 2, 3000) // a long job is asked less often
  }
  return current
}

/** Where the imported records of each kind are listed for the unit. */
const LIST_PATHS: Record<string, string> = {
  instrument: '/workbench',
  lab: '/workbench/labs',
  service: '/workbench/services',
  finance_product: '/workbench/finance-products',
  achievement: '/achievements/mine?kind=achievement',
  talent: '/achievements/mine?kind=talent',
}

export function listPathOf(kind: string): string {
  return LIST_PATHS[kind] ?? '/workbench'
}

/** Who registers each kind (the registry's owner roles); the operator imports every kind. */
const KIND_ROLES: Record<string, string[]> = { finance_product: ['financial_institution'] }

/** The kinds the caller may import, in the server's order. */
export function kindsFor<K extends { kind: string }>(kinds: K[], roles: string[]): K[] {
  if (roles.includes('operator')) return kinds
  return kinds.filter((k) => (KIND_ROLES[k.kind] ?? ['unit_admin']).some((r) => roles.includes(r)))
}

import { describe, expect, it } from 'vitest'
import * as w from './wizard'
import type { ImportRun } from './types'

function run(over: Partial<ImportRun> = {}): ImportRun {
  return {
    id: 7,
    kind: 'lab',
    status: 'done',
    dry_run: true,
    all_or_nothing: false,
    file_name: '实验室.csv',
    rows_total: 3,
    rows_done: 3,
    counts: { created: 2, updated: 0, unchanged: 0, refused: 1 },
    rows: [
      { row: 2, outcome: 'created', id: null, name: '甲实验室' },
      { row: 3, outcome: 'refused', id: null, name: '乙实验室' },
      { row: 4, outcome: 'created', id: null, name: '丙实验室' },
    ],
    errors: [
      { row: 3, column: '所在区', field: 'district_code', message: '区代码不存在' },
      { row: 3, column: '开放状态', field: 'open_status', message: '不是可选值' },
    ],
    report_url: '/api/v1/imports/7/report.xlsx',
    ...over,
  }
}

describe('the wizard steps', () => {
  it('goes kind → file → report → result, each step needing the one before', () => {
    let s = w.initialState()
    expect(w.stepOf(s)).toBe('kind')
    s = w.chooseKind(s, 'lab')
    expect(w.stepOf(s)).toBe('file')
    s = w.chooseFile(s, '实验室.csv')
    expect(w.stepOf(s)).toBe('file')
    s = w.checked(s, run())
    expect(w.stepOf(s)).toBe('report')
    s = w.applied(s, run({ dry_run: false }))
    expect(w.stepOf(s)).toBe('result')
  })

  it('forgets the check when another file or kind is chosen, keeps the kind on "upload again"', () => {
    let s = w.checked(w.chooseFile(w.chooseKind(w.initialState(), 'lab'), 'a.csv'), run())
    expect(w.chooseFile(s, 'b.csv').check).toBeNull()
    s = { ...s, allOrNothing: true }
    const other = w.chooseKind(s, 'service')
    expect(other).toMatchObject({ kind: 'service', check: null, fileName: '', allOrNothing: true })
    expect(w.chooseKind(s, 'lab')).toBe(s)
    const again = w.again(s)
    expect(again).toMatchObject({ kind: 'lab', check: null, fileName: '', allOrNothing: true })
    expect(w.stepOf(again)).toBe('file')
  })
})

describe('files', () => {
  it('takes .xlsx and .csv in any case, refuses other, empty and huge files', () => {
    expect(w.fileProblem('仪器.XLSX', 10)).toBeNull()
    expect(w.fileProblem('labs.csv', 10)).toBeNull()
    expect(w.fileProblem('labs.xls', 10)).toBe('imp.file.type')
    expect(w.fileProblem('labs.csv', 0)).toBe('imp.file.empty')
    expect(w.fileProblem('labs.csv', w.MAX_FILE_BYTES + 1)).toBe('imp.file.tooLarge')
  })

  it('declares CSV as text/csv and anything else as XLSX', () => {
    expect(w.contentTypeOf('a.CSV')).toBe('text/csv')
    expect(w.contentTypeOf('a.xlsx')).toContain('spreadsheetml')
  })
})

describe('applying', () => {
  const base = w.chooseFile(w.chooseKind(w.initialState(), 'lab'), 'a.csv')

  it('needs a finished dry run with rows to write', () => {
    expect(w.applyBlocker(base)).toBe('imp.apply.notChecked')
    expect(w.applyBlocker(w.checked(base, run({ status: 'running' })))).toBe('imp.apply.notChecked')
    expect(w.applyBlocker(w.checked(base, run()))).toBeNull()
    const nothing = run({ counts: { created: 0, updated: 0, unchanged: 3, refused: 0 } })
    expect(w.applyBlocker(w.checked(base, nothing))).toBe('imp.apply.nothing')
  })

  it('with all or nothing, refuses while any row is refused', () => {
    const s = { ...w.checked(base, run()), allOrNothing: true }
    expect(w.applyBlocker(s)).toBe('imp.apply.refusedAll')
    const clean = run({ counts: { created: 3, updated: 0, unchanged: 0, refused: 0 }, errors: [] })
    expect(w.applyBlocker({ ...s, check: clean })).toBeNull()
  })
})

describe('the report', () => {
  it('lists each refused row once, in row order, with every error named', () => {
    const rows = w.refusedRows(run({ errors: [...run().errors, { row: 9, column: '名称', field: 'name', message: '必填' }] }))
    expect(rows.map((r) => r.row)).toEqual([3, 9])
    expect(rows[0].name).toBe('乙实验室')
    expect(rows[0].errors.map((e) => e.column)).toEqual(['所在区', '开放状态'])
    expect(rows[1].errors[0].message).toBe('必填')
  })

  it('measures progress of a job', () => {
    expect(w.progress(run({ status: 'running', rows_total: 4000, rows_done: 1000 }))).toBe(25)
    expect(w.progress(run({ status: 'queued', rows_total: 0, rows_done: 0 }))).toBe(0)
    expect(w.progress(run({ status: 'done', rows_done: 1 }))).toBe(100)
  })
})

describe('polling a queued run', () => {
  it('asks until the run is done, reporting each answer, waiting longer each time', async () => {
    const answers = [run({ status: 'running', rows_done: 1 }), run({ status: 'running', rows_done: 2 }), run({ status: 'done' })]
    const seen: number[] = []
    const waits: number[] = []
    const done = await w.untilDone(
      run({ status: 'queued', rows_done: 0 }),
      async (id) => {
        expect(id).toBe(7)
        return answers.shift()!
      },
      (r) => seen.push(r.rows_done),
      async (ms) => {
        waits.push(ms)
      },
    )
    expect(done.status).toBe('done')
    expect(seen).toEqual([1, 2, 3])
    expect(waits).toEqual([500, 1000, 2000])
  })

  it('does not ask for a run that is already done, and stops when the page goes', async () => {
    let asked = 0
    const fetch = async () => {
      asked++
      return run({ status: 'running' })
    }
    expect((await w.untilDone(run(), fetch, () => undefined, async () => undefined)).status).toBe('done')
    expect(asked).toBe(0)
    const signal = { stopped: false }
    const result = await w.untilDone(run({ status: 'running' }), fetch, () => (signal.stopped = true), async () => undefined, signal)
    expect(result.status).toBe('running')
    expect(asked).toBe(1)
  })
})

describe('kinds and lists', () => {
  const kinds = ['lab', 'instrument', 'service', 'finance_product', 'achievement', 'talent'].map((kind) => ({ kind }))
  it('offers a unit administrator its kinds, a financial institution finance products, the operator all', () => {
    expect(w.kindsFor(kinds, ['unit_admin']).map((k) => k.kind)).toEqual(['lab', 'instrument', 'service', 'achievement', 'talent'])
    expect(w.kindsFor(kinds, ['financial_institution']).map((k) => k.kind)).toEqual(['finance_product'])
    expect(w.kindsFor(kinds, ['operator'])).toHaveLength(6)
    expect(w.kindsFor(kinds, ['enterprise'])).toEqual([])
  })
  it('knows where each kind is listed', () => {
    expect(w.listPathOf('lab')).toBe('/workbench/labs')
    expect(w.listPathOf('talent')).toBe('/achievements/mine?kind=talent')
  })
})

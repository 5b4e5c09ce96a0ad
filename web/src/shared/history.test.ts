import { describe, expect, it } from 'vitest'
import { historyRows } from './history'
import type { HistoryField, ObjectVersion } from './types'

const version = (n: number, data: Record<string, unknown>): ObjectVersion => ({
  version: n,
  data,
  changed_by: '7',
  changed_at: `2026-12-0${n}T08:00:00Z`,
})

describe('historyRows', () => {
  it('reads each version as the object the server sends and marks what changed from the one before', () => {
    const fields: HistoryField[] = [
      { key: 'name', label: 'Name' },
      { key: 'target', label: 'Target' },
      { key: 'org', label: 'Host', show: (d) => `${d.org_name ?? ''}` },
    ]
    const rows = historyRows(
      [
        version(2, { name: '新名字', target: 20, org_name: '示范大学' }),
        version(1, { name: '旧名字', target: 20, org_name: '示范大学' }),
      ],
      fields,
    )
    expect(rows.map((r) => r.version)).toEqual([2, 1])
    expect(rows[0].cells).toEqual({ name: '新名字', target: '20', org: '示范大学' })
    expect([...rows[0].changed]).toEqual(['name'])
    expect(rows[1].changed.size).toBe(0) // the first version has nothing before it
  })

  it('shows a malformed version as empty cells instead of failing', () => {
    const broken = { version: 1, data: 'not an object', changed_by: null, changed_at: '' } as unknown as ObjectVersion
    expect(historyRows([broken], [{ key: 'name', label: 'Name' }])[0].cells).toEqual({ name: '' })
  })
})

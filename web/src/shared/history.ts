// The rows of a history table: each saved version's fields as text, and which of them changed
// from the version before (the one below it: versions come newest first).
import type { HistoryField, ObjectVersion } from '@/shared/types'

export interface HistoryRow {
  version: number
  changed_at: string
  cells: Record<string, string>
  changed: Set<string>
}

/** The version's object; anything else (a malformed answer) shows as empty cells. */
function dataOf(v: ObjectVersion): Record<string, unknown> {
  const data: unknown = v.data
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
}

function cell(field: HistoryField, data: Record<string, unknown>): string {
  if (field.show) return field.show(data)
  const value = data[field.key]
  return value === null || value === undefined ? '' : String(value)
}

export function historyRows(versions: ObjectVersion[], fields: HistoryField[]): HistoryRow[] {
  const objects = versions.map(dataOf)
  return versions.map((v, i) => {
    const cells: Record<string, string> = {}
    const changed = new Set<string>()
    for (const f of fields) {
      cells[f.key] = cell(f, objects[i])
      const older = objects[i + 1]
      if (older && cell(f, older) !== cells[f.key]) changed.add(f.key)
    }
    return { version: v.version, changed_at: v.changed_at, cells, changed }
  })
}

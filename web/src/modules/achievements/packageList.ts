// The package builder's list of achievements while it is edited: pure steps (add once, move,
// remove) and whether it differs from what the server holds.
import type { PackageItem } from '@/modules/achievements/types'

/** The list with `item` at the end, unless it is on it already. */
export function addItem(items: readonly PackageItem[], item: PackageItem): PackageItem[] {
  return items.some((i) => i.id === item.id) ? [...items] : [...items, item]
}

/** The list with the item at `index` moved by `by` places (kept within the list). */
export function moveItem(items: readonly PackageItem[], index: number, by: number): PackageItem[] {
  const to = Math.min(items.length - 1, Math.max(0, index + by))
  const out = [...items]
  const [moved] = out.splice(index, 1)
  if (moved) out.splice(to, 0, moved)
  return out
}

export function removeItem(items: readonly PackageItem[], id: string): PackageItem[] {
  return items.filter((i) => i.id !== id)
}

/** Whether the edited list (its ids in order) is not what the server holds. */
export function changed(edited: readonly PackageItem[], saved: readonly PackageItem[]): boolean {
  return edited.map((i) => i.id).join(',') !== saved.map((i) => i.id).join(',')
}

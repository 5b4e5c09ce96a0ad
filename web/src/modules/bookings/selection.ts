// Choosing time in the calendar: a run of consecutive free slots of one day. A click on a free
// slot next to the run grows it, a click on either end shrinks it, any other free slot starts
// a new run; taken and past slots cannot be chosen.
import type { Slot } from '@/modules/bookings/types'

export type Selection = Slot[]

export function toggleSlot(selection: Selection, slot: Slot): Selection {
  if (slot.state !== 'free') return selection
  if (selection.length === 0) return [slot]
  const first = selection[0]
  const last = selection[selection.length - 1]
  if (slot.starts_at === first.starts_at) return selection.slice(1)
  if (slot.starts_at === last.starts_at) return selection.slice(0, -1)
  if (slot.starts_at === last.ends_at) return [...selection, slot]
  if (slot.ends_at === first.starts_at) return [slot, ...selection]
  if (selection.some((s) => s.starts_at === slot.starts_at)) return selection // inside: keep the run whole
  return [slot]
}

export function isSelected(selection: Selection, slot: Slot): boolean {
  return selection.some((s) => s.starts_at === slot.starts_at)
}

/** The span a selection books, or null when nothing is chosen. */
export function selectedSpan(selection: Selection): { starts_at: string; ends_at: string } | null {
  if (selection.length === 0) return null
  return { starts_at: selection[0].starts_at, ends_at: selection[selection.length - 1].ends_at }
}

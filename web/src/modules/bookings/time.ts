// Booked time is shown in Beijing time whatever the browser's zone: the platform serves Beijing,
// and the server counts opening hours there (UTC+8, no daylight saving).
const OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** The Beijing date and time of an instant: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function beijing(iso: string): { date: string; time: string } {
  const text = new Date(Date.parse(iso) + OFFSET_MS).toISOString()
  return { date: text.slice(0, 10), time: text.slice(11, 16) }
}

/** "2026-12-30 09:30–11:30", the way a booked span reads. */
export function spanText(startsAt: string, endsAt: string): string {
  const from = beijing(startsAt)
  const to = beijing(endsAt)
  return from.date === to.date ? `${from.date} ${from.time}–${to.time}` : `${from.date} ${from.time} – ${to.date} ${to.time}`
}

/** Today in Beijing, as YYYY-MM-DD. */
export function todayBeijing(now: number = Date.now()): string {
  return new Date(now + OFFSET_MS).toISOString().slice(0, 10)
}

/** A date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date))
}

/** The first day of the month holding `date`. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** The last day of the month holding `date`. */
export function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

/** The same instant moved by whole days (a reschedule keeps the time of day). */
export function shiftIso(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString().replace('.000Z', 'Z')
}

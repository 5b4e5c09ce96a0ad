// Pasted holiday lists → calendar days. One entry a line: a date or a range, the kind, a name,
// separated by commas, tabs or spaces, e.g.
//   2027-01-01,holiday,元旦          (the CSV of shared/data/cn-workdays.csv; its header is skipped)
//   2027-02-06~2027-02-12 休 春节    (a range; 至 and — work too)
//   2027/2/14 班 春节                (an adjusted working day)
import { t } from '@/shared/i18n'
import type { CalendarDay, CalendarKind } from '@/modules/calendar/types'

const KINDS: Record<string, CalendarKind> = {
  holiday: 'holiday',
  休: 'holiday',
  假: 'holiday',
  休息: 'holiday',
  放假: 'holiday',
  workday: 'workday',
  班: 'workday',
  上班: 'workday',
  补班: 'workday',
}

export interface PasteProblem {
  line: number
  text: string
}

/** "2027/2/6" or "2027-02-06" → "2027-02-06" when it is a real date, else null. */
export function normalizeDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return date.toISOString().slice(0, 10)
}

/** The days from `from` to `to`, both included (at most 60). */
function daysBetween(from: string, to: string): string[] | null {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  if (end < start || end - start > 60 * 86400_000) return null
  const out: string[] = []
  for (let ms = start; ms <= end; ms += 86400_000) out.push(new Date(ms).toISOString().slice(0, 10))
  return out
}

export function parseCalendarText(text: string): { days: CalendarDay[]; problems: PasteProblem[] } {
  const days: CalendarDay[] = []
  const problems: PasteProblem[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (!line || /^(date|day|日期)([,，\t ]|$)/i.test(line)) return
    const parts = line
      .replace(/\s*(~|～|至|—|–)\s*/g, '~')
      .split(/[,，\t ]+/)
      .filter(Boolean)
    const [when = '', kindText = '', ...rest] = parts
    const kind = KINDS[kindText.toLowerCase()]
    const [fromText, toText] = when.split('~')
    const from = normalizeDate(fromText ?? '')
    const to = toText === undefined ? from : normalizeDate(toText)
    const range = from && to ? daysBetween(from, to) : null
    if (!kind || !range) {
      problems.push({ line: i + 1, text: line })
      return
    }
    for (const day of range) days.push({ day, kind, name: rest.join(' ').slice(0, 60) })
  })
  return { days, problems }
}

/** Adds `more` to `list`, a later entry for a day replacing an earlier one; sorted by day. */
export function mergeDays(list: CalendarDay[], more: CalendarDay[]): CalendarDay[] {
  const byDay = new Map(list.map((d) => [d.day, d]))
  for (const d of more) byDay.set(d.day, d)
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day))
}

/** "2027-02-14" → its weekday's short name (Monday first in ops.calendar.weekdays). */
export function weekdayName(day: string): string {
  const names = t('ops.calendar.weekdays').split(',')
  return names[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7] ?? ''
}

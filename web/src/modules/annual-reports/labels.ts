// Colours of a report's states, and the years a unit may file for.
import type { ReportStatus } from '@/modules/annual-reports/types'

export const STATUS_TAG: Record<ReportStatus, 'info' | 'warning' | 'success' | 'danger' | 'primary'> = {
  draft: 'info',
  submitted: 'warning',
  accepted: 'primary',
  returned: 'danger',
  forwarded: 'success',
}

/** The years that have ended in Beijing on `today` (YYYY-MM-DD), newest first: what may be filed. */
export function endedYears(today: string, count = 5): number[] {
  const year = Number(today.slice(0, 4))
  return Array.from({ length: count }, (_, k) => year - 1 - k)
}

/** Today in the platform's zone, Asia/Shanghai, as YYYY-MM-DD. */
export function todayShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)
}

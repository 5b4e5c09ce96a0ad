// Days of the working-day calendar.
export type CalendarKind = 'holiday' | 'workday'

export interface CalendarDay {
  day: string
  kind: CalendarKind
  name: string
}

// The working-day calendar's calls: one year's special days, and adding days.
import { api } from '@/shared/api'
import type { CalendarDay } from '@/modules/calendar/types'

export const calendarApi = {
  year: async (year: number) => (await api.get<{ items: CalendarDay[] }>('/calendar-days', { year })).items,
  add: (days: CalendarDay[]) => api.post<{ saved: number }>('/calendar-days', { days }),
}

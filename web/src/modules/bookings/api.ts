// Bookings' calls to the server: an instrument's rules, trained users and free time; bookings
// and their lifecycle steps; delivery records and ratings (the last two as the server adds them).
import { api, type Page } from '@/shared/api'
import type {
  Availability,
  Booking,
  BookingAction,
  BookingRules,
  Delivery,
  NewBooking,
  Rating,
  SeriesOutcome,
  TrainedUser,
} from '@/modules/bookings/types'

const instrument = (id: string) => `/instruments/${encodeURIComponent(id)}`
const booking = (id: string) => `/bookings/${encodeURIComponent(id)}`

export const bookingRulesApi = {
  get: (instrumentId: string) => api.get<BookingRules>(`${instrument(instrumentId)}/booking-rules`),
  /** Saves the rules; `version` (when there were rules) makes the write conditional. */
  put: (instrumentId: string, rules: Omit<BookingRules, 'bookable' | 'version'>, version?: number) =>
    api.put<BookingRules>(
      `${instrument(instrumentId)}/booking-rules`,
      rules,
      version === undefined ? {} : { headers: { 'If-Match': `"${version}"` } },
    ),
  trainedUsers: async (instrumentId: string) =>
    (await api.get<{ items: TrainedUser[] }>(`${instrument(instrumentId)}/trained-users`)).items,
  addTrainedUser: (instrumentId: string, userId: string, trainedOn?: string) =>
    api.post<TrainedUser>(`${instrument(instrumentId)}/trained-users`, { user_id: userId, trained_on: trainedOn || undefined }),
  removeTrainedUser: (instrumentId: string, userId: string) =>
    api.delete(`${instrument(instrumentId)}/trained-users/${encodeURIComponent(userId)}`),
  availability: (instrumentId: string, from: string, to: string) =>
    api.get<Availability>(`${instrument(instrumentId)}/availability`, { from, to }),
}

export interface BookingQuery {
  view: 'mine' | 'provider'
  status?: string
  instrument_id?: string
  from?: string
  to?: string
  page?: number
  page_size?: number
}

/** A new secret iCalendar URL (the previous one stops working): the caller's bookings, or an instrument's. */
export const calendarFeedApi = {
  mine: () => api.post<{ url: string }>('/me/calendar-feed'),
  instrument: (instrumentId: string) => api.post<{ url: string }>(`${instrument(instrumentId)}/calendar-feed`),
}

export const bookingsApi = {
  create: (body: NewBooking) => api.post<Booking | SeriesOutcome>('/bookings', body),
  list: (query: BookingQuery) => api.get<Page<Booking>>('/bookings', { ...query }),
  get: (id: string) => api.get<Booking>(booking(id)),
  reschedule: (b: Booking, startsAt: string, endsAt: string) =>
    api.patch<Booking>(booking(b.id), { starts_at: startsAt, ends_at: endsAt }, { headers: { 'If-Match': `"${b.version}"` } }),
  act: (id: string, action: BookingAction, reason?: string) =>
    api.post<Booking>(`${booking(id)}/${action}`, reason === undefined ? {} : { reason }),
  actions: async (id: string) =>
    (await api.get<{ allowed_actions: BookingAction[] }>(`${booking(id)}/actions`)).allowed_actions,
  recordDelivery: (id: string, body: Delivery) => api.post<Booking>(`${booking(id)}/delivery`, body),
  rate: (id: string, score: number, comment: string) => api.post(`${booking(id)}/rating`, { score, comment }),
  replyToRating: (ratingId: string, reply: string) =>
    api.post(`/ratings/${encodeURIComponent(ratingId)}/reply`, { reply }),
  /** An instrument's public ratings, newest first, with their count and average. */
  ratingsOf: (instrumentId: string, page = 1) =>
    api.get<Page<Rating> & { count: number; average: number | null }>('/ratings', {
      resource_kind: 'instrument',
      resource_id: instrumentId,
      page,
      page_size: 5,
    }),
}

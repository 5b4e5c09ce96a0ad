// The values the bookings API sends (src/modules/bookings on the server). Times are RFC 3339 in
// UTC ("…Z"); the UI shows them in Beijing time (time.ts).
import type { VoucherUse } from '@/modules/vouchers/types'

export type SlotState = 'free' | 'taken' | 'past'

export interface Slot {
  starts_at: string
  ends_at: string
  state: SlotState
}

export interface AvailabilityDay {
  date: string
  bookable: boolean
  slots: Slot[]
}

export interface Availability {
  instrument_id?: string
  bookable: boolean
  slot_minutes?: number
  days: AvailabilityDay[]
}

export type Audience = 'signed_in' | 'enterprise' | 'trained'

export interface BookingRules {
  bookable: boolean
  weekdays: string
  working_days_only: boolean
  opens_at: string
  closes_at: string
  slot_minutes: number
  min_notice_minutes: number
  horizon_days: number
  cancel_before_minutes: number
  max_minutes_per_week: number
  approval_required: boolean
  audience: Audience
  internal_fen_per_hour: number | null
  external_fen_per_hour: number | null
  internal_fen_per_sample: number | null
  external_fen_per_sample: number | null
  version?: number
}

export interface TrainedUser {
  user_id: string
  username?: string
  display_name?: string
  trained_on: string
}

export type BookingStatus = 'requested' | 'approved' | 'rejected' | 'cancelled' | 'completed'
export type BookingAction = 'approve' | 'reject' | 'cancel' | 'provider_cancel' | 'complete' | 'update'

export type ServiceMode = 'occupancy' | 'technical' | 'commissioned' | 'remote'

export interface Delivery {
  minutes_used: number
  samples: number
  fee_fen: number
  service_mode: ServiceMode
  client_industry_code?: string | null
  note?: string
  /** What an innovation voucher paid of the fee (the server's answer only). */
  voucher_fen?: number
}

export interface Rating {
  id: string
  score: number
  level?: string
  comment: string
  rated_at?: string
  reply: string | null
  version?: number
}

export interface Booking {
  id: string
  instrument_id: string
  instrument_name: string
  org_id: string
  client_org_id: string | null
  user_id: string
  booked_by: string
  /** Lists carry who is served (and their organisation) and who booked, by name. */
  user_name?: string
  user_org_name?: string
  booked_by_name?: string
  series_id: string | null
  status: BookingStatus
  version: number
  starts_at: string
  ends_at: string
  minutes: number
  purpose: string
  samples: number
  reason: string
  created_at: string
  updated_at: string
  allowed_actions?: BookingAction[]
  /** Only GET /bookings/{id} carries these two (null until recorded). */
  delivery?: Delivery | null
  /** The part an innovation voucher pays (vouchers module), null without one. */
  voucher_use?: Pick<VoucherUse, 'status' | 'amount_fen' | 'consumed_fen'> | null
  rating?: Rating | null
}

export interface SkippedSlot {
  starts_at: string
  ends_at: string
  rule: string
  message: string
}

export interface SeriesOutcome {
  items: Booking[]
  skipped: SkippedSlot[]
}

export interface NewBooking {
  instrument_id: string
  starts_at: string
  ends_at: string
  purpose: string
  samples: number
  repeat_weeks?: number
  /** A colleague of the same organisation to book for (the caller by default). */
  user_id?: string
  /** Part of the fee paid with an innovation voucher (a single booking only). */
  voucher_id?: string
  voucher_fen?: number
}

// Usage statistics as GET /api/v1/usage answers them (minutes and fen are exact integers).
export type UsageGroup = 'month' | 'instrument' | 'lab' | 'unit' | 'client'
export type UsageSide = 'provider' | 'client'

export interface UsageFigures {
  bookings: number
  booked_minutes: number
  booked_hours: number
  deliveries: number
  used_minutes: number
  used_hours: number
  samples: number
  internal_deliveries: number
  external_deliveries: number
  internal_minutes: number
  external_minutes: number
  fee_fen: number
  voucher_fen: number
  hitech_deliveries: number
  hitech_minutes: number
  hitech_fee_fen: number
  /** hitech_deliveries / deliveries (0–1); null without deliveries. */
  hitech_share: number | null
}

export interface UsageRow extends UsageFigures {
  /** The id or the month; null: no lab, or a client without an organisation. */
  key: string | null
  name: string | null
  resource_kind?: 'instrument' | 'service'
}

export interface UsageReport {
  group: UsageGroup
  from: string
  to: string
  side: UsageSide
  org_id: string | null
  resource_kind: string | null
  items: UsageRow[]
  totals: UsageFigures
}

export interface UsageQuery {
  group: UsageGroup
  from: string
  to: string
  side?: UsageSide
  org_id?: string
}

// The values the orders API sends (src/modules/orders on the server). Money is in fen (分),
// shown in 元; times are RFC 3339 in UTC.
import type { Delivery, Rating } from '@/modules/bookings/types'
import type { VoucherUse } from '@/modules/vouchers/types'

export type OrderStatus = 'requested' | 'quoted' | 'confirmed' | 'in_service' | 'completed' | 'rejected' | 'cancelled'
export const ORDER_STATES: OrderStatus[] = ['requested', 'quoted', 'confirmed', 'in_service', 'completed', 'rejected', 'cancelled']

/** The lifecycle's steps (lifecycle.cpp); quote and complete have their own routes (quotation, delivery). */
export type OrderAction = 'quote' | 'confirm' | 'start' | 'complete' | 'reject' | 'cancel' | 'provider_cancel'

export interface Attachment {
  id: string
  file_name: string
  content_type: string
  size_bytes: number
  uploaded_by?: string
  uploaded_at?: string
}

export interface Order {
  id: string
  service_id: string
  service_name: string
  org_id: string
  org_name: string
  client_org_id: string | null
  client_org_name: string
  user_id: string
  status: OrderStatus
  version: number
  requirements: string
  samples: number
  sample_description: string
  quote_fen: number | null
  quote_days: number | null
  quote_note: string
  reason: string
  created_at: string
  updated_at: string
  /** Only list items carry these (GET /orders/{id}/actions for one order). */
  allowed_actions?: OrderAction[]
  attachments?: Attachment[]
  delivery?: (Delivery & { delivered_on?: string }) | null
  /** The part an innovation voucher pays (vouchers module), null without one. */
  voucher_use?: Pick<VoucherUse, 'status' | 'amount_fen' | 'consumed_fen'> | null
  rating?: Rating | null
}

export interface NewOrder {
  service_id: string
  requirements: string
  samples: number
  sample_description: string
}

export interface Quotation {
  quote_fen: number
  quote_days: number
  note: string
}

/** A step of the order's history (GET /orders/{id}/steps). */
export interface OrderStep {
  action: string
  from: string
  to: string
  actor_user_id: string | null
  reason: string
  at: string
}

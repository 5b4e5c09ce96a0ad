// Orders' calls to the server: ordering a service, the two lists, the quotation and lifecycle
// steps, delivery and rating, and the files that travel with an order.
import { api, type Page } from '@/shared/api'
import type { Delivery } from '@/modules/bookings/types'
import type { Attachment, NewOrder, Order, OrderAction, OrderStep, Quotation } from '@/modules/orders/types'

const order = (id: string) => `/orders/${encodeURIComponent(id)}`

export interface OrderQuery {
  view: 'mine' | 'provider'
  status?: string
  page?: number
  page_size?: number
}

export const ordersApi = {
  create: (body: NewOrder) => api.post<Order>('/orders', body),
  list: (query: OrderQuery) => api.get<Page<Order>>('/orders', { ...query }),
  get: (id: string) => api.get<Order>(order(id)),
  actions: async (id: string) => (await api.get<{ allowed_actions: OrderAction[] }>(`${order(id)}/actions`)).allowed_actions,
  steps: async (id: string) => (await api.get<{ items: OrderStep[] }>(`${order(id)}/steps`)).items,
  quote: (id: string, body: Quotation) => api.post<Order>(`${order(id)}/quotation`, body),
  act: (id: string, action: OrderAction, reason?: string) =>
    api.post<Order>(`${order(id)}/${action}`, reason === undefined ? {} : { reason }),
  /** The client accepts the quotation, paying part with a voucher when one is given. */
  confirm: (id: string, voucher?: { voucher_id: string; voucher_fen: number }) =>
    api.post<Order>(`${order(id)}/confirm`, voucher ?? {}),
  recordDelivery: (id: string, body: Delivery) => api.post<Order>(`${order(id)}/delivery`, body),
  rate: (id: string, score: number, comment: string) => api.post(`${order(id)}/rating`, { score, comment }),
  /** The file's bytes as they are; the server recognises the type by its content. */
  upload: (id: string, file: File) =>
    api.post<Attachment>(`${order(id)}/attachments`, undefined, {
      query: { name: file.name },
      raw: { data: file, contentType: file.type || 'application/octet-stream' },
    }),
  /** A plain link: the browser sends the session cookie and saves the file (the server says attachment). */
  downloadUrl: (id: string, attachmentId: string) => `/api/v1${order(id)}/attachments/${encodeURIComponent(attachmentId)}`,
}

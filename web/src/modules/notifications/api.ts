// The caller's inbox: list (optionally unread only, with the unread count), read one, read all.
import { api, type Page } from '@/shared/api'
import type { Notification } from '@/modules/notifications/types'

export type InboxPage = Page<Notification> & { unread_count: number }

export const notificationsApi = {
  list: (query: { unread?: boolean; page?: number; page_size?: number }) =>
    api.get<InboxPage>('/notifications', { ...query, unread: query.unread ? 'true' : undefined }, { quiet: true }),
  read: (id: string) => api.post(`/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => api.post<{ marked: number }>('/notifications/read-all'),
}

// Searches behind the RemotePicker: what a form offers when the user types part of a name.
import { api, type Page } from '@/shared/api'
import type { Named } from '@/shared/components/RemotePicker.vue'

/** Organisations whose name contains `q` (nothing for an empty query: there are too many). */
export async function findOrganizations(q: string): Promise<Named[]> {
  if (!q) return []
  const page = await api.get<Page<{ id: string; name: string }>>('/organizations', { q, page_size: 20 })
  return page.items.map((o) => ({ id: o.id, name: o.name }))
}

/** Up to twenty colleagues of the signed-in user's organisation; all of them for an empty query. */
export async function findColleagues(q: string): Promise<Named[]> {
  const answer = await api.get<{ items: { id: string; display_name: string; username: string }[] }>('/colleagues', {
    q: q || undefined,
  })
  return answer.items.map((u) => ({ id: u.id, name: `${u.display_name}（${u.username}）` }))
}

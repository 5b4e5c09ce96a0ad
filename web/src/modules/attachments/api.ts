// The calls of any kind's files, under the kind's route ("/purchase-checks"): the file goes as it
// is (the server recognises its type by content), its name and purpose in the query.
import { api } from '@/shared/api'
import { apiPath } from '@/modules/panels/api'
import type { Attachment } from '@/modules/attachments/types'

const files = (base: string, id: string) => `${apiPath(base)}/${encodeURIComponent(id)}/attachments`

export const attachmentsApi = {
  list: async (base: string, id: string) => (await api.get<{ items: Attachment[] }>(files(base, id))).items,
  upload: (base: string, id: string, file: Blob, name: string, purpose: string) =>
    api.post<Attachment>(files(base, id), undefined, {
      query: { name, purpose },
      raw: { data: file, contentType: 'application/octet-stream' },
    }),
  remove: (base: string, id: string, fileId: string) => api.delete(`${files(base, id)}/${encodeURIComponent(fileId)}`),
  /** The download link (the server always answers it as an attachment). */
  url: (base: string, id: string, fileId: string) => `/api/v1${files(base, id)}/${encodeURIComponent(fileId)}`,
}

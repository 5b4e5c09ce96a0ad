// The import wizard's calls (THE IMPORT API, docs/design/data-exchange.md): the kinds and their
// columns, the template's download, the upload of a file as the raw body (dry run or real run),
// and a queued run's progress.
import { api } from '@/shared/api'
import { contentTypeOf } from '@/modules/imports/wizard'
import type { ImportKind, ImportRun } from '@/modules/imports/types'

export interface UploadOptions {
  dryRun: boolean
  allOrNothing: boolean
  /** The operator imports on behalf of a unit. */
  orgId?: string
}

export const importsApi = {
  kinds: async () => (await api.get<{ items: ImportKind[] }>('/imports/kinds')).items,
  /** The template (a plain GET with the session cookie: a link downloads it). */
  templateUrl: (kind: string) => `/api/v1/imports/templates/${encodeURIComponent(kind)}`,
  upload: (kind: string, file: File, options: UploadOptions) =>
    api.post<ImportRun>('/imports', undefined, {
      query: {
        kind,
        dry_run: String(options.dryRun),
        all_or_nothing: String(options.allOrNothing),
        org_id: options.orgId || undefined,
      },
      raw: { data: file, contentType: contentTypeOf(file.name) },
      headers: { 'X-File-Name': encodeURIComponent(file.name) },
    }),
  get: (id: string | number) => api.get<ImportRun>(`/imports/${encodeURIComponent(String(id))}`),
}

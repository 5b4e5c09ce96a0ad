// What a person reads about files: sizes, and why an upload was refused. The server's limits
// (src/modules/attachments): 10 MiB a file, PDF/PNG/JPEG/XLSX/DOCX by content, a number per object.
import { ApiError, errorMessage } from '@/shared/api'

export const MAX_FILE_BYTES = 10 * 1024 * 1024

/** 532 → "532 B", 2048 → "2.0 KB", 3.5 MiB → "3.5 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

/** The text key of a refusal the page explains itself; null: show the server's message. */
export function uploadProblemKey(e: unknown): string | null {
  if (!(e instanceof ApiError)) return null
  if (e.status === 413) return 'files.tooLarge'
  if (e.status === 415) return 'files.badType'
  return null
}

/** The message of a failed upload: size and type explained, the rest (409 too many files, 422
 * a bad name or purpose, 409 wrong state) as the server words them, each field's message too. */
export function uploadProblem(e: unknown, t: (key: string) => string): string {
  const key = uploadProblemKey(e)
  if (key) return t(key)
  if (e instanceof ApiError && e.fields.length) return [e.message, ...e.fields.map((f) => f.message)].join('\n')
  return errorMessage(e)
}

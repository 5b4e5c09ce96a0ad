// The server's limits on an order's files (src/modules/orders/attachments.hpp), checked before
// sending so that a person hears at once why a file cannot go.

export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const MAX_FILES = 10

/** File size for people: 1536 → "1.5 KB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

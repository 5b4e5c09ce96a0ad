// Photos of resources: the checks made before an upload (the server makes them again, sniffing the
// file's own signature) and the upload itself, the raw file as the request body.
import { ApiError, request } from '@/shared/api'
import { t } from '@/shared/i18n'
import type { MediaUpload } from '@/modules/catalog/types'

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']
/** For the file picker: types and extensions, as some systems know one and not the other. */
export const PHOTO_ACCEPT = '.jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp'
export const PHOTO_MAX_BYTES = 1024 * 1024
export const PHOTO_MAX_COUNT = 20

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1)

/** Why `file` cannot be a photo, or '' when it can be sent. */
export function photoProblem(file: { name: string; type: string; size: number }): string {
  if (!PHOTO_TYPES.includes(file.type)) return t('photos.wrongType', { name: file.name })
  if (file.size > PHOTO_MAX_BYTES) return t('photos.tooLarge', { name: file.name, size: megabytes(file.size) })
  return ''
}

/** Uploads one photo. A refusal becomes an ApiError whose message names the file. */
export async function uploadPhoto(file: File): Promise<MediaUpload> {
  try {
    return await request<MediaUpload>('POST', '/media', { raw: { data: file, contentType: file.type } })
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    const message =
      e.status === 413
        ? t('photos.tooLarge', { name: file.name, size: megabytes(file.size) })
        : t('photos.uploadFailed', { name: file.name, message: e.message })
    throw new ApiError(e.status, e.code, message, e.fields)
  }
}

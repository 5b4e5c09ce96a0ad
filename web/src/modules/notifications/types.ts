// A message in a user's inbox (GET /notifications): what happened (kind) and its details (params).
import type { components } from '@/shared/api-types'

/** Generated (src/modules/notifications/route_docs.cpp); the params' values are text or numbers. */
export type Notification = Omit<components['schemas']['Notification'], 'params'> & {
  params: Record<string, string | number | undefined>
}

// A file kept with a reviewed object (src/modules/attachments): GET {route}/{id}/attachments.
import type { components } from '@/shared/api-types'

/** Generated from the server's description (src/modules/attachments/route_docs.cpp, `npm run api-types`). */
export type Attachment = components['schemas']['Attachment']

/** A purpose the kind declares ("quote"), with its label in the page's language. */
export interface PurposeOption {
  value: string
  label: string
}

// A file kept with a reviewed object (src/modules/attachments): GET {route}/{id}/attachments.
export interface Attachment {
  id: string
  purpose: string
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  uploaded_by: string
  uploaded_at: string
}

/** A purpose the kind declares ("quote"), with its label in the page's language. */
export interface PurposeOption {
  value: string
  label: string
}

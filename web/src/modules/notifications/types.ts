// A message in a user's inbox (GET /notifications): what happened (kind) and its details (params).
export interface Notification {
  id: string
  kind: string
  params: Record<string, string | number | undefined>
  created_at: string
  read_at: string | null
}

// Accounts and role grants as the security administrator sees them.
import type { User } from '@/shared/types'

/** A user as the security administrator sees it (GET /users). */
export interface AccountRow extends User {
  disabled: boolean
  locked: boolean
  version: number
  /** Roles asked for that wait for a second security administrator. */
  pending_role_grant: { id: string; roles: string[] } | null
}

/** A grant of operator or a system role: asked by one security administrator, decided by another. */
export interface RoleGrant {
  id: string
  user_id: string
  username: string
  roles: string[]
  status: 'pending' | 'confirmed' | 'refused' | 'superseded'
  requested_by: string
  requested_at: string
  decided_by: string | null
  decided_at: string | null
}

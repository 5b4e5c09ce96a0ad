// The audit trail as the server sends it, from its OpenAPI description (`npm run api-types`).
import type { components, operations } from '@/shared/api-types'

export type AuditEvent = components['schemas']['AuditEvent']
export type ChainReport = operations['get/audit-events/chain']['responses'][200]['content']['application/json']

/** The filters of the trail and of its CSV export (from/to are UTC times). */
export type AuditFilter = NonNullable<operations['get/audit-events/export']['parameters']['query']>

/** The results a record can carry: done, failed, or refused by the access rules. */
export const AUDIT_RESULTS = ['ok', 'failed', 'denied'] as const

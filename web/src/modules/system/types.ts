// The system administrator's view of the running server, from the OpenAPI description
// (`npm run api-types`).
import type { components, operations } from '@/shared/api-types'

export type SystemSettings = operations['get/system/settings']['responses'][200]['content']['application/json']
export type Setting = SystemSettings['settings'][number]
export type Finding = SystemSettings['findings'][number]
export type Health = components['schemas']['Health']

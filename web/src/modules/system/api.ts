// The system administrator's calls: the settings in force and the server's readiness.
import { api } from '@/shared/api'
import type { Health, SystemSettings } from '@/modules/system/types'

export const systemApi = {
  settings: () => api.get<SystemSettings>('/system/settings'),
  // 200 when the database answers; a 503 arrives as an ApiError with the server's message.
  ready: () => api.get<Health>('/health/ready'),
}

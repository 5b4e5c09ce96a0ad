// The dashboards' calls to the server: the public home page's figures (no sign-in).
import { api } from '@/shared/api'
import type { HomeFigures } from '@/modules/dashboards/types'

export const dashboardsApi = {
  home: (signal?: AbortSignal) => api.get<HomeFigures>('/dashboards/home', undefined, { signal }),
}

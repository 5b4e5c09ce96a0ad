// The home page: searching every published resource.
import type { RouteRecordRaw } from 'vue-router'

export const searchRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/SearchView.vue') },
]

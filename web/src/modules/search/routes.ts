// The home page: searching every published resource.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const searchRoutes: RouteRecordRaw[] = [pageRoute('/', 'home', () => import('./views/SearchView.vue'))]

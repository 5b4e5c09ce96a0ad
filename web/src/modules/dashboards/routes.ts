// The dashboards' pages: the city overview (the public dashboard lives on the search page). Any
// signed-in account may open the address; the page itself tells those without a grant that they
// may not see it (the server refuses them too), rather than sending them away without a word.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

export const dashboardsRoutes: RouteRecordRaw[] = [pageRoute('/overview', 'overview', () => import('./views/OverviewView.vue'), { roles: [] })]

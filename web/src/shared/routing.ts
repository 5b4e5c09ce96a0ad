// A module's route to one page: who may open it (any of `roles`; [] any logged-in user; left out,
// everyone) and whether it is a step of logging in.
import type { RouteComponent, RouteMeta, RouteRecordRaw } from 'vue-router'

type Lazy = () => Promise<RouteComponent | { default: RouteComponent }>

export function pageRoute(
  path: string,
  name: string,
  component: Lazy,
  meta?: RouteMeta,
  props?: Record<string, unknown>,
): RouteRecordRaw {
  return { path, name, component, meta, props }
}

// Places on one module's page where another module adds a panel (bookings' calendar on catalog's
// instrument page), so that neither module imports the other: src/modules.ts fills them, the
// page draws whatever is there with the props the place promises.
import { defineAsyncComponent, type Component } from 'vue'

/** instrument-detail and instrument-manage panels get the prop `instrumentId`, service-detail
 * `serviceId`, tech-demand-detail `demandId` (matching's suggestions on a demand's page);
 * header-tools and header-nav (a menu in the header's navigation) none. */
export type ExtensionPoint =
  | 'instrument-detail'
  | 'instrument-manage'
  | 'service-detail'
  | 'header-tools'
  | 'header-nav'
  | 'tech-demand-detail'

const panels = new Map<ExtensionPoint, Component[]>()

/** Adds a lazily loaded panel (its code is fetched only on pages that show it). */
export function addPanel(point: ExtensionPoint, load: () => Promise<Component | { default: Component }>): void {
  panels.set(point, [...(panels.get(point) ?? []), defineAsyncComponent(load as () => Promise<Component>)])
}

export function panelsAt(point: ExtensionPoint): Component[] {
  return panels.get(point) ?? []
}

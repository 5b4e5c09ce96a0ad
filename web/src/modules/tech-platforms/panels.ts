// The 共性技术平台 menu in the header's navigation.
import { addPanel } from '@/shared/extensions'

export function addTechPlatformsPanels(): void {
  addPanel('header-nav', () => import('./components/PlatformsMenu.vue'))
}

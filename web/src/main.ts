import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import '@/style.css'
import App from '@/App.vue'
import { router } from '@/router'
import { installGateHandler, restoreSession } from '@/shared/session'
import { loadDistricts } from '@/shared/reference'
import { loadInstrumentClasses } from '@/modules/catalog/instrumentClasses'
import { locale } from '@/shared/i18n'
import { addModuleTexts } from './modules'

addModuleTexts()
document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en'
installGateHandler((path) => {
  if (router.currentRoute.value.path !== path) void router.push(path)
})
void loadDistricts()
void loadInstrumentClasses()
// Restore the session before the first navigation so guarded pages open directly after a reload.
void restoreSession().then(() => {
  createApp(App).use(router).mount('#app')
})

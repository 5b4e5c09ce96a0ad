import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import './style.css'
import App from './App.vue'
import { router } from './router'
import { installGateHandler, restoreSession } from './session'
import { loadDistricts } from './reference'
import { locale } from './i18n'

document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en'
installGateHandler((path) => {
  if (router.currentRoute.value.path !== path) void router.push(path)
})
void loadDistricts()
// Restore the session before the first navigation so guarded pages open directly after a reload.
void restoreSession().then(() => {
  createApp(App).use(router).mount('#app')
})

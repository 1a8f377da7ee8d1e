import { createPinia } from 'pinia'
import { createApp } from 'vue'
import 'maplibre-gl/dist/maplibre-gl.css'
import App from './App.vue'
import { createWallI18n, pickLocale } from './i18n'
import { router } from './router'
import { bindSocket, createWallSocket } from './socket'
import { useAreasStore } from './stores/areas'
import { useCasesStore } from './stores/cases'
import { useCommunityStore } from './stores/community'
import { useConnectionStore } from './stores/connection'
import { useDevicesStore } from './stores/devices'
import { useFocusStore } from './stores/focus'
import { useInspectorsStore } from './stores/inspectors'
import { useStatsStore } from './stores/stats'
import './theme/wall.css'
import { wallToken } from './wall-token'

const { locale, asked } = pickLocale(location.search, localStorage.getItem('wall.lang'), document.documentElement.lang)
if (asked) localStorage.setItem('wall.lang', locale)
document.documentElement.lang = locale

const pinia = createPinia()
const app = createApp(App).use(pinia).use(router).use(createWallI18n(locale))

bindSocket(createWallSocket(wallToken()), {
  connection: useConnectionStore(pinia),
  areas: useAreasStore(pinia),
  inspectors: useInspectorsStore(pinia),
  cases: useCasesStore(pinia),
  stats: useStatsStore(pinia),
  focus: useFocusStore(pinia),
  devices: useDevicesStore(pinia),
  community: useCommunityStore(pinia),
})

app.mount('#app')

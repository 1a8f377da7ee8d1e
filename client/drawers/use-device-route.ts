// The device a /camera/:id or /device/:id route names, from the devices store; while its drawer is
// open the wall focuses its grid and the map flies to it.
import { computed, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { useAreasStore } from '../stores/areas'
import { useCameraStore } from '../stores/camera'
import { useDevicesStore } from '../stores/devices'
import { useFocusStore } from '../stores/focus'

const DEVICE_ZOOM = 16.5

export function useDeviceRoute(fallbackTitleKey: string) {
  const { t } = useI18n()
  const route = useRoute()
  const devices = useDevicesStore()
  const areas = useAreasStore()
  const focus = useFocusStore()
  const camera = useCameraStore()

  const id = computed(() => (typeof route.params.id === 'string' ? route.params.id : ''))
  const info = computed(() => devices.infos.get(id.value))
  const live = computed(() => devices.live.get(id.value) ?? null)
  /** Only once the registry has arrived can a device be missing from it. */
  const notFound = computed(() => devices.loadedAt !== null && !info.value)

  watch(info, (device) => {
    if (!device) return
    focus.focusOn(device.gridCode)
    camera.lookAt({ center: [device.lng, device.lat], zoom: DEVICE_ZOOM })
  }, { immediate: true })

  const title = computed(() => info.value?.name ?? t(fallbackTitleKey))
  const subtitle = computed(() => (info.value
    ? `${t(`device.kind.${info.value.kind}`)} · ${areas.areas.get(info.value.areaCode)?.name ?? info.value.areaCode}`
    : id.value))
  const closeTo = computed(() => (info.value ? `/area/${info.value.gridCode}` : '/'))
  const updatedAt = computed(() => devices.loadedAt)
  return { id, info, live, notFound, title, subtitle, closeTo, updatedAt }
}

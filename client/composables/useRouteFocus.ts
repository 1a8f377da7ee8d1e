// The route decides what the wall focuses on: an area route focuses that area, the district route
// nothing; case, inspector and replay views focus the grid they belong to (set by their drawers).
import { watch } from 'vue'
import { useRoute } from 'vue-router'
import { useCameraStore } from '../stores/camera'
import { useFocusStore } from '../stores/focus'

export type WallView = 'district' | 'area' | 'case' | 'inspector' | 'replay' | 'replayGrid'

export function useRouteFocus(): void {
  const route = useRoute()
  const focus = useFocusStore()
  const camera = useCameraStore()
  watch(() => [route.name, route.params.code] as const, ([name, code]) => {
    if (name === 'district' || name === 'area' || name === 'replayGrid') camera.lookAt(null)
    if (name === 'district') focus.focusOn(null)
    if ((name === 'area' || name === 'replayGrid') && typeof code === 'string') focus.focusOn(code)
    // The boards (/board/party/{code?}, /board/ranking/{code?}) focus like the district and area routes.
    if (name === 'partyBoard' || name === 'rankingBoard') {
      camera.lookAt(null)
      focus.focusOn(typeof code === 'string' && code !== '' ? code : null)
    }
  }, { immediate: true })
}

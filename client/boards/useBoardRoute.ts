// Keeps the route and the board in step: a board route selects its board, and a drill to an area
// (map click, breadcrumb) while a board is up is replaced by the same board at that area.
import { watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useBoardStore } from '../stores/board'
import { boardOfRoute, redirectForBoard } from './board-routes'

export function useBoardRoute(): void {
  const route = useRoute()
  const router = useRouter()
  const board = useBoardStore()
  watch(() => [route.name, route.params.code] as const, ([name, code]) => {
    const redirect = redirectForBoard(board.current, name, code)
    if (redirect) {
      router.replace(redirect).catch(() => {})
      return
    }
    const shown = boardOfRoute(name)
    if (shown) board.select(shown)
  }, { immediate: true })
}

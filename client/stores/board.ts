// The board on the wall: the overview (综合态势), the 党建引领 board or the 综合评价 ranking board.
// Set by the board routes and the switcher; it stays while the wall drills into an area or a case.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { WallBoard } from '../boards/board-routes'

export const useBoardStore = defineStore('board', () => {
  const current = ref<WallBoard>('overview')

  function select(board: WallBoard): void {
    current.value = board
  }

  return { current, select }
})

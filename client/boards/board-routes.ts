// Which board the wall shows (综合态势 / 党建引领 / 综合评价) and the routes that carry it. Pure, so
// the rules are tested without a router: a board keeps its place while the wall drills, because a
// map click or a breadcrumb (which go to /area/{code} or /) is sent on to the same board's route.
import type { RouteLocationRaw } from 'vue-router'

export const WALL_BOARDS = ['overview', 'party', 'ranking'] as const
export type WallBoard = (typeof WALL_BOARDS)[number]

/** The route names of the two boards (router.ts). */
export const BOARD_ROUTE: Record<Exclude<WallBoard, 'overview'>, string> = {
  party: 'partyBoard',
  ranking: 'rankingBoard',
}

/** Where a board opens at an area (null: the district). */
export function boardPath(board: WallBoard, code: string | null): string {
  const at = code == null ? '' : `/${encodeURIComponent(code)}`
  if (board === 'overview') return code == null ? '/' : `/area${at}`
  return `/board/${board}${at}`
}

/** The board a route shows by itself, or null when the route leaves the board as it is (a case, an inspector). */
export function boardOfRoute(name: unknown): WallBoard | null {
  if (name === BOARD_ROUTE.party) return 'party'
  if (name === BOARD_ROUTE.ranking) return 'ranking'
  if (name === 'district' || name === 'area') return 'overview'
  return null
}

/**
 * A navigation to the district or an area while a board is up goes to that board's route instead
 * (the map and the breadcrumb know nothing of boards); anything else stays where it is.
 */
export function redirectForBoard(board: WallBoard, name: unknown, code: unknown): RouteLocationRaw | null {
  if (board === 'overview') return null
  if (name === 'district') return boardPath(board, null)
  if (name === 'area' && typeof code === 'string') return boardPath(board, code)
  return null
}

/** The board a path opens: the visitors' tour selects it before it navigates. */
export function boardOfPath(path: string): WallBoard {
  if (path.startsWith('/board/party')) return 'party'
  if (path.startsWith('/board/ranking')) return 'ranking'
  return 'overview'
}

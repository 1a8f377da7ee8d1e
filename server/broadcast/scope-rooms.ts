// Walls focused on an area (a street, a community, a grid) sit in the Socket.IO room `area:<code>`
// (wall-sessions.ts puts them there); each stats tick sends every focused area's room its own
// figures, on whichever node its walls are (focused-areas.ts). An area nobody watches costs nothing.
import type { District } from '../domain/district'
import { buildScopeDetail, casesByGrid } from './scope-detail'
import { AREA_ROOM_PREFIX, sender, type WallServer, type WallTarget, walls } from './wall-target'

export interface ScopeRooms {
  /** Whether `code` is an area of the district (a wall may focus on it). */
  knows(code: string): boolean
  /** A wall just focused on `code`: its figures at once. */
  answer(to: WallTarget, code: string): void
  /** Sends each focused area's room its figures (on the stats tick). */
  emit(): void
}

export function createScopeRooms(io: WallServer, district: District, focused: () => Iterable<string>): ScopeRooms {
  const knows = (code: string) => district.tree.get(code) != null
  return {
    knows,
    answer(to, code) {
      if (knows(code)) sender(io, to).emit('scope:updated', buildScopeDetail(district, code))
    },
    emit() {
      // An import may have removed an area since: nothing to send until its walls refocus.
      const codes = [...focused()].filter(knows)
      if (codes.length === 0) return
      const byGrid = casesByGrid(district.cases.all())
      for (const code of codes) walls(io).to(AREA_ROOM_PREFIX + code).emit('scope:updated', buildScopeDetail(district, code, byGrid))
    },
  }
}

// Which areas walls are focused on, on every node: this node's own `area:` rooms, and those the
// other nodes report (at once when a wall focuses, and their whole list every few seconds). A report
// not renewed for `forgetAfterMs` is dropped: its node died or its walls left.
import { AREA_ROOM_PREFIX, type WallServer } from '../broadcast/wall-target'

export interface FocusedAreas {
  /** Every focused area's code (unknown codes included: the caller knows the district). */
  codes(): Set<string>
  /** This node's own focused codes (what a standby reports). */
  local(): string[]
  noteRemote(node: string, code: string): void
  setRemote(node: string, codes: readonly string[]): void
}

export function createFocusedAreas(io: WallServer, { forgetAfterMs = 15_000 } = {}): FocusedAreas {
  const remote = new Map<string, { codes: Set<string>; at: number }>()
  const local = () => {
    const codes: string[] = []
    for (const [room, members] of io.of('/').adapter.rooms) {
      if (room.startsWith(AREA_ROOM_PREFIX) && members.size > 0) codes.push(room.slice(AREA_ROOM_PREFIX.length))
    }
    return codes
  }
  return {
    local,
    codes() {
      const all = new Set(local())
      const now = Date.now()
      for (const [node, report] of remote) {
        if (now - report.at > forgetAfterMs) remote.delete(node)
        else for (const code of report.codes) all.add(code)
      }
      return all
    },
    noteRemote(node, code) {
      const report = remote.get(node)
      if (report) report.codes.add(code)
      else remote.set(node, { codes: new Set([code]), at: Date.now() })
    },
    setRemote(node, codes) {
      remote.set(node, { codes: new Set(codes), at: Date.now() })
    },
  }
}

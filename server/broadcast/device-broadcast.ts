// Devices to the walls, each tick: devices whose status or alarm changed ('devices:status'), alarms
// raised or cleared ('alarms:changed'), and the board of every focused community whose figures moved
// ('board:updated', to its area room; also at once when a wall focuses a community).
import type { CommunityBoard } from '../contract/devices'
import type { DeviceAlarms } from '../devices/device-alarms'
import type { DeviceRegistry } from '../devices/device-registry'
import { buildCommunityBoard } from '../devices/community-board'
import type { District } from '../domain/district'
import type { DeviceStore } from '../store/device-store'
import { AREA_ROOM_PREFIX, sender, type WallServer, type WallTarget, walls } from './wall-target'

export interface DeviceBroadcast {
  /** A community's figures moved (readings stored there). */
  touched(areaCodes: Iterable<string>): void
  /** A wall just focused on `code`: the board at once, when it is a community. */
  answerFocus(to: WallTarget, code: string): void
  tick(): void
}

export function createDeviceBroadcast(io: WallServer, district: District, registry: DeviceRegistry, alarms: DeviceAlarms, store: DeviceStore, focused: () => Iterable<string>): DeviceBroadcast {
  const dirty = new Set<string>()
  const isCommunity = (code: unknown): code is string => typeof code === 'string' && district.tree.get(code)?.level === 'community'
  // The board is read from the store (async): a read that fails is logged, and the next tick tries again.
  const sendBoard = (code: string, send: (board: CommunityBoard) => void) => {
    buildCommunityBoard(code, registry, store, district.clock.now()).then(send, (error: unknown) => {
      console.error(`community board ${code}: ${error instanceof Error ? error.message : String(error)}`)
    })
  }

  const focusedCommunities = () => [...focused()].filter(isCommunity)

  return {
    answerFocus(to, code) {
      if (isCommunity(code)) sendBoard(code, (board) => sender(io, to).emit('board:updated', board))
    },
    touched(areaCodes) {
      for (const code of areaCodes) dirty.add(code)
    },
    tick() {
      registry.refreshStatuses(district.clock.now())
      const changed = registry.drainChanged()
      if (changed.length > 0) walls(io).emit('devices:status', changed.map((id) => registry.live(id)))
      for (const id of changed) {
        const info = registry.info(id)
        if (info) dirty.add(info.areaCode)
      }
      const raised = alarms.drainChanges()
      if (raised.length > 0) walls(io).emit('alarms:changed', raised)
      if (dirty.size === 0) return
      for (const code of focusedCommunities()) if (dirty.has(code)) sendBoard(code, (board) => walls(io).to(AREA_ROOM_PREFIX + code).emit('board:updated', board))
      dirty.clear()
    },
  }
}

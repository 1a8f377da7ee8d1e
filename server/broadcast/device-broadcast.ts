// Devices to the walls, each tick: devices whose status or alarm changed ('devices:status'), alarms
// raised or cleared ('alarms:changed'), and the board of every focused community whose figures moved
// ('board:updated', to its area room; also at once when a wall focuses a community).
import type { CommunityBoard } from '../contract/devices'
import type { DeviceAlarms } from '../devices/device-alarms'
import type { DeviceRegistry } from '../devices/device-registry'
import { buildCommunityBoard } from '../devices/community-board'
import type { District } from '../domain/district'
import type { DeviceStore } from '../store/device-store'
import type { WallServer } from './broadcaster'

/** The scope rooms' naming (scope-rooms.ts): walls focused on an area sit in `area:<code>`. */
const ROOM_PREFIX = 'area:'

export interface DeviceBroadcast {
  /** A community's figures moved (readings stored there). */
  touched(areaCodes: Iterable<string>): void
  tick(): void
}

export function createDeviceBroadcast(io: WallServer, district: District, registry: DeviceRegistry, alarms: DeviceAlarms, store: DeviceStore): DeviceBroadcast {
  const dirty = new Set<string>()
  const isCommunity = (code: unknown): code is string => typeof code === 'string' && district.tree.get(code)?.level === 'community'
  // The board is read from the store (async): a read that fails is logged, and the next tick tries again.
  const sendBoard = (code: string, send: (board: CommunityBoard) => void) => {
    buildCommunityBoard(code, registry, store, district.clock.now()).then(send, (error: unknown) => {
      console.error(`community board ${code}: ${error instanceof Error ? error.message : String(error)}`)
    })
  }

  io.on('connection', (socket) => {
    socket.on('wall:focus', (code: unknown) => {
      if (isCommunity(code)) sendBoard(code, (board) => socket.emit('board:updated', board))
    })
  })

  function focusedCommunities(): string[] {
    const codes: string[] = []
    for (const [room, members] of io.sockets.adapter.rooms) {
      const code = room.slice(ROOM_PREFIX.length)
      if (room.startsWith(ROOM_PREFIX) && members.size > 0 && isCommunity(code)) codes.push(code)
    }
    return codes
  }

  return {
    touched(areaCodes) {
      for (const code of areaCodes) dirty.add(code)
    },
    tick() {
      registry.refreshStatuses(district.clock.now())
      const changed = registry.drainChanged()
      if (changed.length > 0) io.emit('devices:status', changed.map((id) => registry.live(id)))
      for (const id of changed) {
        const info = registry.info(id)
        if (info) dirty.add(info.areaCode)
      }
      const raised = alarms.drainChanges()
      if (raised.length > 0) io.emit('alarms:changed', raised)
      if (dirty.size === 0) return
      for (const code of focusedCommunities()) if (dirty.has(code)) sendBoard(code, (board) => io.to(ROOM_PREFIX + code).emit('board:updated', board))
      dirty.clear()
    },
  }
}

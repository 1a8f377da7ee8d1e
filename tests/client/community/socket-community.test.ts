// The community screen's events through bindSocket: 'board:updated' lands in the community store,
// 'alarms:changed' only for the devices of the community on screen (the devices registry says whose).
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { bindSocket, type WallSocket, type WallStores } from '../../../client/socket'
import { useAreasStore } from '../../../client/stores/areas'
import { useCasesStore } from '../../../client/stores/cases'
import { useCommunityStore } from '../../../client/stores/community'
import { useConnectionStore } from '../../../client/stores/connection'
import { useDevicesStore } from '../../../client/stores/devices'
import { useFocusStore } from '../../../client/stores/focus'
import { useInspectorsStore } from '../../../client/stores/inspectors'
import { useStatsStore } from '../../../client/stores/stats'
import type { CommunityBoard, DeviceAlarm, DeviceInfo } from '../../../server/contract/devices'

function createFakeSocket() {
  const handlers = new Map<string, (...args: unknown[]) => void>()
  return {
    on: vi.fn((event: string, handler: (...args: unknown[]) => void) => handlers.set(event, handler)),
    emit: vi.fn(),
    connect: vi.fn(),
    trigger: (event: string, ...args: unknown[]) => handlers.get(event)!(...args),
  }
}

const HERE = '350111102005'
const device = (id: string, areaCode: string): DeviceInfo => ({ id, kind: 'smoke', code: id, name: id, areaCode, gridCode: `${areaCode}001`, lng: 119.36, lat: 26.07 })
const alarm = (deviceId: string): DeviceAlarm => ({ deviceId, rule: 'smoke', raisedAt: 5, clearedAt: null, caseId: `case-${deviceId}`, text: '烟感报警' })
const board = { communityCode: HERE, day: '2026-11-25', at: 1, people: { in: 7, out: 3, hourlyIn: [], hourlyOut: [], gates: [] },
  vehicles: { in: 0, out: 0, hourlyIn: [], hourlyOut: [] }, trampling: { today: 0, hourly: [] }, water: { todayLitres: 0, meters: [] },
  alarms: [], devices: {}, cameras: [] } satisfies CommunityBoard

describe('bindSocket and the community screen', () => {
  let socket: ReturnType<typeof createFakeSocket>
  let stores: WallStores

  beforeEach(() => {
    setActivePinia(createPinia())
    socket = createFakeSocket()
    stores = {
      connection: useConnectionStore(), areas: useAreasStore(), inspectors: useInspectorsStore(), cases: useCasesStore(),
      stats: useStatsStore(), focus: useFocusStore(), devices: useDevicesStore(), community: useCommunityStore(),
    }
    stores.devices!.replaceAll({ devices: [device('smoke-here', HERE), device('smoke-there', '350111102006')], live: [] })
    stores.community!.show(HERE)
    bindSocket(socket as unknown as WallSocket, stores)
  })

  it('shows the board the server sends to the community\'s room, and counts it as a message', () => {
    socket.trigger('board:updated', board)
    expect(stores.community!.board?.people.in).toBe(7)
    expect(stores.connection.lastMessageAt).not.toBeNull()
  })

  it('keeps the alarms of the community\'s own devices only', () => {
    socket.trigger('board:updated', board)
    socket.trigger('alarms:changed', [alarm('smoke-there'), alarm('smoke-here')])
    expect(stores.community!.alarms.map((a) => a.deviceId)).toEqual(['smoke-here'])
  })
})

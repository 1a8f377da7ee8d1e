// bindSocket routes every server event into its store; a fake socket stands in for the network.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { bindSocket, type WallSocket, type WallStores } from '../../client/socket'
import { useAreasStore } from '../../client/stores/areas'
import { useCasesStore } from '../../client/stores/cases'
import { useConnectionStore } from '../../client/stores/connection'
import { useFocusStore } from '../../client/stores/focus'
import { useInspectorsStore } from '../../client/stores/inspectors'
import { useStatsStore } from '../../client/stores/stats'
import type { CaseSummary, WallSnapshot, WallStats } from '../../server/contract/domain'
import { encodePositionFrame } from '../../server/contract/position-frame'

function createFakeSocket() {
  const handlers = new Map<string, (...args: unknown[]) => void>()
  return {
    on: vi.fn((event: string, handler: (...args: unknown[]) => void) => handlers.set(event, handler)),
    emit: vi.fn(),
    connect: vi.fn(),
    trigger: (event: string, ...args: unknown[]) => handlers.get(event)!(...args),
  }
}

const openCase = (id: string, step: CaseSummary['step']): CaseSummary => ({
  id, categoryCode: 'E0101', source: 'hotline', gridCode: 'g1', lng: 119.35, lat: 26.07, description: '', step,
  reportedAt: 0, stepAt: 0, dueAt: null, deadline: 'ontime', reworkCount: 0, reporterId: null, department: null,
})

const snapshot = {
  serverTime: 1_000, clockSpeed: 60, clockSimulated: true, district: { code: 'd', name: '晋安区' },
  areas: [{ code: 'd', name: '晋安区', level: 'district', parentCode: null, center: [0, 0], bbox: [0, 0, 1, 1] }],
  profiles: {}, categories: [], inspectorInfos: [{ id: 1, deviceId: 'p1', name: '陈建华', gridCode: 'g1' }],
  inspectors: [], cases: [openCase('c1', 'reported')], feed: [], stats: { at: 1_000, openTotal: 1 } as WallStats,
} as unknown as WallSnapshot

describe('bindSocket', () => {
  let socket: ReturnType<typeof createFakeSocket>
  let stores: WallStores

  beforeEach(() => {
    setActivePinia(createPinia())
    socket = createFakeSocket()
    stores = { connection: useConnectionStore(), areas: useAreasStore(), inspectors: useInspectorsStore(), cases: useCasesStore(), stats: useStatsStore(), focus: useFocusStore() }
    bindSocket(socket as unknown as WallSocket, stores)
  })

  it('connects once its listeners are bound, and tracks the connection', () => {
    expect(socket.connect).toHaveBeenCalledOnce()
    socket.trigger('connect')
    expect(stores.connection.connected).toBe(true)
    socket.trigger('disconnect')
    expect(stores.connection.connected).toBe(false)
  })

  it('keeps what the node says of its links, names the first one down, and forgets it on disconnect', () => {
    socket.trigger('connect')
    expect(stores.connection.linkDown).toBeNull()
    socket.trigger('node:condition', { store: true, redis: false, leader: false })
    expect(stores.connection.linkDown).toBe('redis')
    socket.trigger('node:condition', { store: false, redis: false, leader: false })
    expect(stores.connection.linkDown).toBe('store')
    socket.trigger('node:condition', { store: true, redis: true, leader: false })
    expect(stores.connection.linkDown).toBe('leader')
    socket.trigger('disconnect')
    expect(stores.connection.linkDown).toBeNull()
  })

  it('replaces every store from a snapshot, including the domain clock', () => {
    socket.trigger('wall:snapshot', snapshot)
    expect(stores.areas.district?.name).toBe('晋安区')
    expect(stores.cases.open.has('c1')).toBe(true)
    expect(stores.stats.stats?.openTotal).toBe(1)
    expect(stores.connection.clockSpeed).toBe(60)
    expect(stores.connection.clockSimulated).toBe(true)
  })

  it('tells the server the focused area, and again after a reconnect', () => {
    stores.focus.focusOn('350111100012003')
    expect(socket.emit).toHaveBeenLastCalledWith('wall:focus', '350111100012003')
    socket.emit.mockClear()
    socket.trigger('connect')
    expect(socket.emit).toHaveBeenCalledWith('wall:focus', '350111100012003')
  })

  it('applies binary position frames and case changes as deltas', () => {
    socket.trigger('wall:snapshot', snapshot)
    socket.trigger('inspectors:moved', encodePositionFrame({ serverTime: 2_000, records: [{ id: 1, lng: 119.35, lat: 26.07, heading: 45, fixAt: 2_000, status: 'online' }] }))
    expect(stores.inspectors.live.get(1)).toMatchObject({ lng: 119.35, heading: 45, status: 'online' })
    socket.trigger('cases:changed', { cases: [openCase('c1', 'closed'), openCase('c2', 'filed')], feed: [] })
    expect([...stores.cases.open.keys()]).toEqual(['c2'])
  })
})

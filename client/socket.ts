// The one socket of the wall. Listeners live here only (not in components); each event lands in a
// store. Every (re)connection brings a fresh snapshot, so a wall resyncs by itself. The snapshot is
// the packed one (server/contract/packed-snapshot.ts) unless the page's URL says `?snapshot=json`
// (the legacy JSON snapshot, for comparison); deltas wait while a packed one is decoded.
import { io, type Socket } from 'socket.io-client'
import type { WallSnapshot } from '../server/contract/domain'
import { ALL_LINKS_UP, type ClientToServerEvents, type ServerToClientEvents } from '../server/contract/events'
import { isPackedSnapshot, type PackedSnapshot, type SnapshotFormat } from '../server/contract/packed-snapshot'
import { decodePositionFrame } from '../server/contract/position-frame'
import { decodePackedSnapshot } from './snapshot/decode-packed'
import { createSnapshotGate } from './snapshot/snapshot-gate'
import { createTableCache, type TableCache } from './snapshot/table-cache'
import { wallFetch } from './wall-token'
import type { useAreasStore } from './stores/areas'
import type { useCasesStore } from './stores/cases'
import type { useCommunityStore } from './stores/community'
import type { useConnectionStore } from './stores/connection'
import type { useDevicesStore } from './stores/devices'
import type { useFocusStore } from './stores/focus'
import type { useInspectorsStore } from './stores/inspectors'
import type { useStatsStore } from './stores/stats'

export type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export interface WallStores {
  connection: ReturnType<typeof useConnectionStore>
  areas: ReturnType<typeof useAreasStore>
  inspectors: ReturnType<typeof useInspectorsStore>
  cases: ReturnType<typeof useCasesStore>
  stats: ReturnType<typeof useStatsStore>
  focus: ReturnType<typeof useFocusStore>
  /** Devices and their live state (issue #13); optional so a test may bind without it. */
  devices?: ReturnType<typeof useDevicesStore>
  /** The community screen's board and alarms (issue #13); optional like devices. */
  community?: ReturnType<typeof useCommunityStore>
}

/** The snapshot format this page asks for: packed, unless `?snapshot=json`. */
export function pageSnapshotFormat(search = location.search): SnapshotFormat {
  return new URLSearchParams(search).get('snapshot') === 'json' ? 'json' : 'packed'
}

/**
 * After a server restart every wall must be live again within 10 s, without 200 walls arriving in
 * the same instant. socket.io-client waits min(delay·2^attempt ± randomizationFactor·that, max):
 * 1 s ± 0.5 s, 2 s ± 1 s, then 2–4 s per attempt, so a restart's walls spread over ~4 s and each
 * is back at most 4 s after the server is (tests/bench/snapshot-cost.ts simulates 200 of them).
 */
export const RECONNECT = { reconnectionDelay: 1000, reconnectionDelayMax: 4000, randomizationFactor: 0.5 } as const

export function createWallSocket(token: string | null, snapshotFormat: SnapshotFormat = pageSnapshotFormat()): WallSocket {
  return io({
    autoConnect: false, transports: ['websocket'], auth: { ...(token ? { token } : {}), snapshotFormat },
    ...RECONNECT,
  })
}

export function bindSocket(socket: WallSocket, stores: WallStores, tables: TableCache = createTableCache(fetchTableJson)): void {
  const gate = createSnapshotGate((error) => {
    console.error('wall: packed snapshot not applied, asking again', error)
    setTimeout(() => socket.emit('wall:sync', (answer) => { if (!('throttled' in answer)) receiveSnapshot(answer) }), 5000)
  })
  function applySnapshot(snapshot: WallSnapshot): void {
    stores.connection.setClock(snapshot.serverTime, snapshot.clockSpeed, snapshot.clockSimulated)
    stores.areas.replaceAll(snapshot)
    stores.inspectors.replaceAll(snapshot)
    stores.cases.replaceAll(snapshot)
    stores.stats.set(snapshot.stats)
    performance.mark('wall:snapshot-applied')
  }
  function receiveSnapshot(snapshot: WallSnapshot | PackedSnapshot): void {
    performance.mark('wall:snapshot-received')
    if (isPackedSnapshot(snapshot)) void gate.receive(decodePackedSnapshot(snapshot, tables), applySnapshot)
    else gate.applyNow(() => applySnapshot(snapshot))
  }

  stores.focus.bindSender((code) => socket.emit('wall:focus', code))
  socket.on('connect', () => {
    stores.connection.connected = true
    stores.focus.resend()
    void stores.devices?.refresh()
  })
  socket.on('disconnect', () => {
    stores.connection.connected = false
    // The next node says what it lacks, if anything.
    stores.connection.node = { ...ALL_LINKS_UP }
  })
  socket.on('node:condition', (condition) => { stores.connection.node = condition })
  socket.on('wall:snapshot', receiveSnapshot)
  socket.on('inspectors:moved', (data) => gate.whenLive(() => {
    const frame = decodePositionFrame(data)
    stores.connection.markMessage(frame.serverTime)
    stores.inspectors.applyFrame(frame)
  }))
  // The same records, sent reliably when a status changed (and, after a packed snapshot, the
  // positions sent since it was encoded): a wall that skipped a frame still greys the marker.
  socket.on('inspectors:status', (data) => gate.whenLive(() => stores.inspectors.applyStatusFrame(decodePositionFrame(data))))
  socket.on('cases:changed', (change) => gate.whenLive(() => {
    stores.connection.markMessage()
    stores.cases.apply(change)
  }))
  socket.on('stats:changed', (stats) => gate.whenLive(() => {
    stores.connection.markMessage(stats.at)
    stores.stats.apply(stats)
  }))
  socket.on('devices:status', (changes) => stores.devices?.applyStatus(changes))
  socket.on('board:updated', (board) => {
    stores.connection.markMessage()
    stores.community?.setBoard(board)
  })
  // District-wide: the community store keeps those of devices in the community it shows.
  socket.on('alarms:changed', (alarms) => stores.community?.applyAlarms(alarms, (id) => stores.devices?.infos.get(id)?.areaCode === stores.community?.code))
  socket.on('scope:updated', (detail) => gate.whenLive(() => stores.focus.setDetail(detail)))
  socket.connect()
}

async function fetchTableJson(url: string): Promise<unknown> {
  const response = await wallFetch(url)
  if (!response.ok) throw new Error(`wall table ${url}: HTTP ${response.status}`)
  return response.json()
}

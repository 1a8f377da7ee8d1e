// The one socket of the wall. Listeners live here only (not in components); each event lands in a
// store. Every (re)connection brings a fresh snapshot, so a wall resyncs by itself.
import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '../server/contract/events'
import { decodePositionFrame } from '../server/contract/position-frame'
import type { useAreasStore } from './stores/areas'
import type { useCasesStore } from './stores/cases'
import type { useConnectionStore } from './stores/connection'
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
}

export function createWallSocket(token: string | null): WallSocket {
  return io({
    autoConnect: false, transports: ['websocket'], auth: token ? { token } : {},
    // After a server restart the wall must be live again within 10 s: retry from 0.5 s and never wait
    // more than 2 s between attempts (the default backs off to 5 s). randomizationFactor stays at its
    // default (0.5) so many walls do not reconnect in lockstep.
    reconnectionDelay: 500,
    reconnectionDelayMax: 2000,
  })
}

export function bindSocket(socket: WallSocket, stores: WallStores): void {
  stores.focus.bindSender((code) => socket.emit('wall:focus', code))
  socket.on('connect', () => {
    stores.connection.connected = true
    stores.focus.resend()
  })
  socket.on('disconnect', () => { stores.connection.connected = false })
  socket.on('wall:snapshot', (snapshot) => {
    stores.connection.setClock(snapshot.serverTime, snapshot.clockSpeed, snapshot.clockSimulated)
    stores.areas.replaceAll(snapshot)
    stores.inspectors.replaceAll(snapshot)
    stores.cases.replaceAll(snapshot)
    stores.stats.set(snapshot.stats)
  })
  socket.on('inspectors:moved', (data) => {
    const frame = decodePositionFrame(data)
    stores.connection.markMessage(frame.serverTime)
    stores.inspectors.applyFrame(frame)
  })
  // The same records, sent reliably when a status changed: a wall that skipped a frame still greys the marker.
  socket.on('inspectors:status', (data) => stores.inspectors.applyStatusFrame(decodePositionFrame(data)))
  socket.on('cases:changed', (change) => {
    stores.connection.markMessage()
    stores.cases.apply(change)
  })
  socket.on('stats:changed', (stats) => {
    stores.connection.markMessage(stats.at)
    stores.stats.apply(stats)
  })
  socket.on('scope:updated', (detail) => stores.focus.setDetail(detail))
  socket.connect()
}

// The leader answers walls: its own directly (the broadcaster, the scope rooms, the device boards),
// and those of the other nodes by what those nodes ask through Redis: a snapshot for a room of
// joining walls, the figures for a wall that just focused. The answers go to those walls through the
// adapter, in the stream's order with every broadcast. Every second a beat tells the standbys a
// leader lives and lets them measure how late broadcasts reach them.
import type { Broadcaster } from '../broadcast/broadcaster'
import type { DeviceBroadcast } from '../broadcast/device-broadcast'
import type { ScopeRooms } from '../broadcast/scope-rooms'
import type { WallAnswers } from '../broadcast/wall-sessions'
import type { WallServer } from '../broadcast/wall-target'
import { SNAPSHOT_FORMATS } from '../contract/packed-snapshot'
import type { FocusedAreas } from './focused-areas'

export interface LeaderParts {
  broadcaster: Broadcaster
  scopes: ScopeRooms
  /** null until the devices run (they start after the district). */
  devices: () => DeviceBroadcast | null
}

export function localAnswers({ broadcaster, scopes, devices }: LeaderParts): WallAnswers {
  return {
    welcome: (socket) => broadcaster.welcome(socket),
    sync: (socket, ack) => broadcaster.sync(socket, ack),
    knowsArea: (code) => scopes.knows(code),
    focused(socket, code) {
      scopes.answer(socket, code)
      devices()?.answerFocus(socket, code)
    },
  }
}

const isText = (value: unknown, max = 200): value is string => typeof value === 'string' && value.length > 0 && value.length <= max

export interface OtherNodesOptions {
  focusedAreas: FocusedAreas
  /** This node's address, in the beat (the standbys' /api/health shows it). */
  address: string
  beatMs?: number
}

export function answerOtherNodes(io: WallServer, parts: LeaderParts, { focusedAreas, address, beatMs = 1000 }: OtherNodesOptions): { stop(): void } {
  io.on('snapshot:wanted', (request) => {
    if (!isText(request?.room) || !(SNAPSHOT_FORMATS as readonly unknown[]).includes(request.format)) return
    parts.broadcaster.sendSnapshot(request.room, request.format)
    io.serverSideEmit('snapshot:sent', { room: request.room })
  })
  io.on('focus:wanted', (request) => {
    if (!isText(request?.node) || !isText(request.socketId) || !isText(request.code, 64) || !parts.scopes.knows(request.code)) return
    focusedAreas.noteRemote(request.node, request.code)
    parts.scopes.answer(request.socketId, request.code)
    parts.devices()?.answerFocus(request.socketId, request.code)
  })
  io.on('focus:rooms', (report) => {
    if (!isText(report?.node) || !Array.isArray(report.codes)) return
    focusedAreas.setRemote(report.node, report.codes.filter((code): code is string => isText(code, 64)))
  })
  const beat = setInterval(() => io.serverSideEmit('leader:beat', { sentAt: Date.now(), address }), beatMs)
  return { stop: () => clearInterval(beat) }
}

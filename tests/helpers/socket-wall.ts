// A wall as a socket.io client (the JSON snapshot), keeping what it was sent: its snapshots with
// their arrival times, each inspector's newest fixAt (and when it arrived), each case's step.
import { io as connect, type Socket } from 'socket.io-client'
import type { WallSnapshot } from '../../server/contract/domain'
import type { CasesChanged, NodeCondition, PositionFrameBytes } from '../../server/contract/events'
import { decodePositionFrame } from '../../server/contract/position-frame'

export interface Wall {
  url: string
  socket: Socket
  snapshots: { at: number; snapshot: WallSnapshot }[]
  /** Inspector id → fixAt of the newest position the wall was sent. */
  fixes: Map<number, number>
  /** Inspector id → when (Date.now()) its newest position arrived. */
  fixArrivedAt: Map<number, number>
  cases: Map<string, string>
  /** Every 'node:condition' the wall's node sent it, in order. */
  conditions: NodeCondition[]
}

export function openJsonWall(url: string): Wall {
  const socket = connect(url, { transports: ['websocket'], auth: { snapshotFormat: 'json' }, reconnectionDelay: 200, reconnectionDelayMax: 1000 })
  const wall: Wall = { url, socket, snapshots: [], fixes: new Map(), fixArrivedAt: new Map(), cases: new Map(), conditions: [] }
  socket.on('wall:snapshot', (snapshot: WallSnapshot) => {
    wall.snapshots.push({ at: Date.now(), snapshot })
    for (const c of snapshot.cases) wall.cases.set(c.id, c.step)
    for (const m of snapshot.inspectors) wall.fixes.set(m.id, m.fixAt)
  })
  const onFrame = (data: PositionFrameBytes) => {
    for (const r of decodePositionFrame(data).records) {
      wall.fixes.set(r.id, r.fixAt)
      wall.fixArrivedAt.set(r.id, Date.now())
    }
  }
  socket.on('inspectors:moved', onFrame)
  socket.on('inspectors:status', onFrame)
  socket.on('node:condition', (condition: NodeCondition) => wall.conditions.push(condition))
  socket.on('cases:changed', (change: CasesChanged) => { for (const c of change.cases) wall.cases.set(c.id, c.step) })
  return wall
}

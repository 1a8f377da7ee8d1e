// Says on every wall a node serves when that node has lost PostgreSQL, Redis or the leader (issue
// #12). The data-age badge alone says only that the figures are getting old; this says why, so the
// operator knows whether to call IT or wait out a failover. Each node checks its own links every
// few seconds and tells its own walls (io.local: the news must not depend on the Redis it may lack),
// on connect when something is down and whenever anything changes.
import { ALL_LINKS_UP, type NodeCondition } from '../contract/events'
import type { WallServer } from '../broadcast/wall-target'

export const CONDITION_CHECK_MS = 2000

export interface ConditionWatch {
  stop(): void
}

const allUp = (c: NodeCondition) => c.store && c.redis !== false && c.leader
const same = (a: NodeCondition, b: NodeCondition) => a.store === b.store && a.redis === b.redis && a.leader === b.leader

export function watchNodeCondition(io: WallServer, read: () => Promise<NodeCondition>, everyMs = CONDITION_CHECK_MS): ConditionWatch {
  // All links up until the first check says otherwise.
  let current: NodeCondition = ALL_LINKS_UP
  let stopped = false
  io.on('connection', (socket) => {
    if (!allUp(current)) socket.emit('node:condition', current)
  })
  async function check() {
    const next = await read().catch((): NodeCondition => ({ ...current, store: false }))
    if (stopped) return
    if (!same(next, current)) {
      current = next
      io.local.emit('node:condition', current)
    }
    timer = setTimeout(() => void check(), everyMs).unref()
  }
  let timer = setTimeout(() => void check(), 0)
  return {
    stop() {
      stopped = true
      clearTimeout(timer)
    },
  }
}

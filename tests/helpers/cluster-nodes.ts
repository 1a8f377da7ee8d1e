// Several wall nodes as child processes on one PostgreSQL and one Redis (issue #12), and the client
// side of a load balancer: a phone or integration that sends to the next node when one is gone or
// answers 503 (no leader during a failover), as nginx's `proxy_next_upstream` and a phone's retry do.
import { startServerProcess, type ServerProcess } from './server-process'

export interface NodeHealthAnswer {
  status: 'ok' | 'degraded'
  role: 'single' | 'leader' | 'standby'
  leader?: { address: string; beatAgeMs: number } | null
  store: { kind: string; reachable: boolean }
  redis: { reachable: boolean } | null
}

export function startNode(env: Record<string, string>): Promise<ServerProcess> {
  return startServerProcess({ HOST: '127.0.0.1', ...env }, 90_000)
}

export async function healthOf(node: ServerProcess): Promise<NodeHealthAnswer | null> {
  try {
    return await (await fetch(`${node.url}/api/health`, { signal: AbortSignal.timeout(2000) })).json() as NodeHealthAnswer
  } catch {
    return null
  }
}

/** Waits until one of `nodes` says it leads; resolves with it. */
export async function leaderAmong(nodes: ServerProcess[], timeoutMs = 60_000): Promise<ServerProcess> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    for (const node of nodes) if ((await healthOf(node))?.role === 'leader') return node
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no node led within ${timeoutMs} ms`)
}

/** Waits until every standby among `nodes` has heard the leader's beat. */
export async function standbysSeeLeader(nodes: ServerProcess[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (const node of nodes) {
    for (;;) {
      const health = await healthOf(node)
      if (health?.role === 'leader' || (health?.role === 'standby' && health.leader)) break
      if (Date.now() > deadline) throw new Error(`${node.url} did not see a leader within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

export interface Sent {
  response: Response
  /** The node that answered it. */
  via: string
  /** 503s and refused connections before it was answered. */
  retries: number
}

/**
 * Sends `path` to the first node that answers anything but 503, trying the nodes in turn (a load
 * balancer's next upstream) every 200 ms until `timeoutMs`. The body is a string so it can be sent again.
 */
export async function sendThrough(nodes: () => ServerProcess[], path: string, init: RequestInit = {}, timeoutMs = 20_000): Promise<Sent> {
  const deadline = Date.now() + timeoutMs
  let retries = 0
  let last = ''
  while (Date.now() < deadline) {
    for (const node of nodes()) {
      try {
        const response = await fetch(`${node.url}${path}`, { ...init, signal: AbortSignal.timeout(10_000) })
        if (response.status !== 503) return { response, via: node.url, retries }
        last = `${node.url}: 503 ${await response.text()}`
      } catch (error) {
        last = `${node.url}: ${error instanceof Error ? error.message : String(error)}`
      }
      retries++
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${path}: no node answered within ${timeoutMs} ms (last: ${last})`)
}

// Broadcasts across nodes (issue #12): Socket.IO's Redis Streams adapter carries every emit of a node
// to the walls connected to the others, through one Redis stream, and resumes that stream after a
// Redis outage without losing what was added meanwhile (the adapter reads on from its last id). The
// node-redis client reconnects by itself with a capped backoff; until it does, a node's walls see
// only what that node emits, and reachable() says so for /api/health and the walls' badges.
import { createAdapter } from '@socket.io/redis-streams-adapter'
import { createClient } from 'redis'

export interface RedisLinkOptions {
  /** The Redis stream the nodes share (one per deployment). */
  streamName?: string
  /** Longest wait between reconnection attempts. */
  maxReconnectDelayMs?: number
}

export interface RedisLink {
  /** For `new Server(…, { adapter })` or `io.adapter(…)`. */
  adapter: ReturnType<typeof createAdapter>
  /** Whether the client is connected and ready now. */
  reachable(): boolean
  /** Called each time Redis answers again after it was lost. */
  onBack(listener: () => void): void
  /** A PING's round trip in ms, or null when Redis does not answer within `timeoutMs`. */
  latencyMs(timeoutMs?: number): Promise<number | null>
  close(): Promise<void>
}

export async function connectRedis(url: string, { streamName = 'grid-wall', maxReconnectDelayMs = 2000 }: RedisLinkOptions = {}): Promise<RedisLink> {
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, maxReconnectDelayMs) },
    // The offline queue stays on: the adapter polls the stream in a loop that retries at once when a
    // read fails, so reads refused while Redis is away would spin and starve the event loop. Queued,
    // they wait for the reconnection; emits made meanwhile go out when Redis is back.
  })
  let lastError = ''
  let lost = false
  const back: (() => void)[] = []
  // Without a listener an 'error' ends the process; the client keeps reconnecting on its own.
  client.on('error', (error: Error) => {
    if (error.message !== lastError) console.warn(`redis: ${error.message} (reconnecting)`)
    lastError = error.message
  })
  client.on('ready', () => {
    lastError = ''
    if (!lost) return
    lost = false
    console.warn('redis: back')
    for (const listener of back) listener()
  })
  client.on('end', () => { lost = true })
  client.on('reconnecting', () => { lost = true })
  await client.connect()
  return {
    adapter: createAdapter(client, { streamName }),
    reachable: () => client.isReady,
    onBack: (listener) => { back.push(listener) },
    async latencyMs(timeoutMs = 1000) {
      if (!client.isReady) return null
      const started = performance.now()
      const pong = client.ping().then(() => performance.now() - started, () => null)
      const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))
      return Promise.race([pong, late])
    },
    async close() {
      client.destroy()
    },
  }
}

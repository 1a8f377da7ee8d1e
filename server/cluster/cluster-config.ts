// REDIS_URL and NODE_URL (issue #12). With DATABASE_URL and REDIS_URL several nodes serve the same
// district: the walls on every node get the leader's broadcasts through Redis, and a node that does
// not lead forwards the district's HTTP to the one that does, at the address that node gave as
// NODE_URL (published with its leader lease, so it is gone the moment the lease is).
import os from 'node:os'

export interface ClusterConfig {
  /** REDIS_URL: Socket.IO across nodes (the Redis Streams adapter); null for one node alone. */
  redisUrl: string | null
  /** NODE_URL: where the other nodes reach this one's HTTP; null until the port is known (then http://HOST:PORT). */
  nodeUrl: string | null
}

/** PostgreSQL keeps application_name to 63 bytes, and the lease carries the address in it. */
export const MAX_NODE_URL_LENGTH = 46

export function parseClusterConfig(env: NodeJS.ProcessEnv): ClusterConfig {
  return { redisUrl: redisUrl(env.REDIS_URL), nodeUrl: nodeUrl(env.NODE_URL) }
}

function redisUrl(raw: string | undefined): string | null {
  if (raw == null || raw === '') return null
  if (!/^rediss?:\/\/[^/]/.test(raw)) throw new Error(`REDIS_URL: must be a redis:// or rediss:// URL (e.g. redis://redis:6379), got ${raw.replace(/\/\/[^@/]*@/, '//…@').slice(0, 60)}`)
  return raw
}

function nodeUrl(raw: string | undefined): string | null {
  if (raw == null || raw === '') return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`NODE_URL: must be this node's address as the other nodes reach it (e.g. http://10.0.0.5:3000), got ${raw.slice(0, 60)}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`NODE_URL: must start with http:// or https://, got ${raw.slice(0, 60)}`)
  const origin = url.origin
  if (origin.length > MAX_NODE_URL_LENGTH) throw new Error(`NODE_URL: at most ${MAX_NODE_URL_LENGTH} characters (scheme, host and port only), got ${origin.length}`)
  return origin
}

/** The address to publish: NODE_URL, or this host and the port it listens on. */
export function ownNodeUrl(config: ClusterConfig, host: string, port: number): string {
  if (config.nodeUrl) return config.nodeUrl
  // Listening on every interface: the other nodes reach it by its host name (NODE_URL overrides).
  const reachable = host === '0.0.0.0' || host === '::' ? os.hostname() : host
  const url = `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`
  if (url.length > MAX_NODE_URL_LENGTH) throw new Error(`NODE_URL: this node's default address ${url} is longer than ${MAX_NODE_URL_LENGTH} characters; set NODE_URL`)
  return url
}

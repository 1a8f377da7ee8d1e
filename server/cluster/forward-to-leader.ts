// On a node that does not lead, the district's HTTP (ingest, Open311, the workflow, 党建, imports,
// case detail, tiles, tables) goes to the leader as it came, body and headers untouched (httpxy,
// with X-Forwarded-For/-Proto/-Host), and the leader's answer comes back as it left: a client
// acknowledged through any node was acknowledged by the leader, after its commit. While no node
// leads (the seconds of a failover) or the leader cannot be reached, the answer is 503 with
// Retry-After, so phones and integrations send again; nothing is half-done here, this node writes nothing.
import type { NextFunction, Request, Response } from 'express'
import { createProxyServer } from 'httpxy'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LeaderLookup } from './leader-lookup'

/** What the leader answers; everything else (health, metrics, the wall's files, basemap files) every node answers itself. */
const LEADER_PATHS = ['/api/', '/open311/', '/streams/']

export const RETRY_AFTER_S = 2

export function ownedByLeader(path: string): boolean {
  return LEADER_PATHS.some((prefix) => path.startsWith(prefix))
}

function noLeader(res: ServerResponse, why: string): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(RETRY_AFTER_S) })
  res.end(JSON.stringify({ error: 'no_leader', message: `no node leads the district right now (${why}); send again in ${RETRY_AFTER_S} s` }))
}

/**
 * `self`: this node's own address. Between taking the lease and filling its routes (the district
 * loading from PostgreSQL), a node finds itself named as the leader; sending the request to itself
 * would only come back here, so it answers 503 (taking over) instead.
 */
export function forwardToLeader(lookup: LeaderLookup, { timeoutMs = 30_000, self }: { timeoutMs?: number; self?: string } = {}) {
  const proxy = createProxyServer({ xfwd: true, proxyTimeout: timeoutMs })
  proxy.on('error', (error: Error, _req?: IncomingMessage, res?: ServerResponse | unknown) => {
    lookup.forget()
    if (res && typeof (res as ServerResponse).writeHead === 'function') noLeader(res as ServerResponse, `the leader does not answer: ${error.message}`)
  })
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!ownedByLeader(req.path)) return next()
    let target: string | null
    try {
      target = await lookup.current()
    } catch (error) {
      return noLeader(res, `PostgreSQL does not answer: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (!target) return noLeader(res, 'a standby is taking over')
    if (target === self) return noLeader(res, 'this node is taking over')
    // Express has already split the URL; the leader gets the original one.
    req.url = req.originalUrl
    await proxy.web(req, res, { target })
  }
}

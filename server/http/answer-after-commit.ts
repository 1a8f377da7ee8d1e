// No answer leaves before the writes made while handling it are committed. SQLite commits as it
// writes (flush resolves at once); PostgreSQL commits in batches (pg-write-queue), so an "ok" sent
// straight away could be an acknowledgement of data a crash then loses. Holding back res.end covers
// every handler at once — positions (OsmAnd is a GET), Open311, the workflow, 党建, imports — rather
// than trusting each to remember. When the commit fails the answer becomes a 503: nothing it said
// was kept, and the client retries. An answer that made no write (the count of writes did not
// move while it was handled: a read, a tile, a table) leaves at once: waiting for the commits of
// other writers would only delay it (up to seconds while a fresh demo's week is committed).
import type { NextFunction, Request, Response } from 'express'
import type { WallStore } from '../store/wall-store'

export function answerAfterCommit(store: Pick<WallStore, 'flush' | 'writesMade'>) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    const writesBefore = store.writesMade()
    res.end = ((...args: unknown[]) => {
      if (store.writesMade() === writesBefore) return end(...args)
      store.flush().then(() => end(...args), (error: unknown) => {
        // Already streaming (headers out): only cutting the connection keeps it from reading as success.
        if (res.headersSent) return void res.destroy(error instanceof Error ? error : new Error(String(error)))
        for (const name of res.getHeaderNames()) res.removeHeader(name)
        res.statusCode = 503
        res.setHeader('Content-Type', 'application/json; charset=utf-8')
        res.setHeader('Retry-After', '5')
        const message = `not saved: the store could not commit (${error instanceof Error ? error.message : String(error)}); nothing was changed, try again`
        end(JSON.stringify({ error: { code: 'store_unavailable', message } }))
      })
      return res
    }) as Response['end']
    next()
  }
}

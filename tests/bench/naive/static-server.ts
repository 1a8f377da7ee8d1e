// A tiny static server for the naive page: its build, the bench's areas.geojson and the wall's
// basemap files, on a random localhost port.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.geojson': 'application/geo+json', '.map': 'application/json',
}

/** `mounts`: URL prefix → directory (or file, for an exact path). */
export async function startStaticServer(mounts: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length)
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end()
      return
    }
    const prefix = prefixes.find((p) => pathname === p || pathname.startsWith(p.endsWith('/') ? p : `${p}/`))
    let file = prefix == null ? null : path.join(mounts[prefix], pathname.slice(prefix.length))
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html')
    if (!file || !fs.existsSync(file) || file.includes('..')) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

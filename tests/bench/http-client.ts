// A lean keep-alive HTTP client (node:http, not fetch: the load must cost the bench as little CPU
// as possible, since it shares two cores with the server) and a bounded-concurrency runner.
import http from 'node:http'

export interface HttpResult {
  status: number
  body: string
  ms: number
}

export interface HttpClient {
  request(method: string, path: string, options?: { body?: string | Buffer; headers?: Record<string, string> }): Promise<HttpResult>
  close(): void
}

export function createHttpClient(baseUrl: string, maxSockets = 32): HttpClient {
  const url = new URL(baseUrl)
  const agent = new http.Agent({ keepAlive: true, maxSockets })
  return {
    request(method, path, { body, headers = {} } = {}) {
      const started = performance.now()
      return new Promise((resolve, reject) => {
        const req = http.request({
          host: url.hostname, port: url.port, path, method, agent,
          headers: body != null ? { 'content-length': String(Buffer.byteLength(body)), ...headers } : headers,
        }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - started }))
          res.on('error', reject)
        })
        req.on('error', reject)
        req.end(body)
      })
    },
    close: () => agent.destroy(),
  }
}

/** Runs `count` jobs with at most `concurrency` in flight; resolves when all are done. */
export async function runPool(count: number, concurrency: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < count) await job(next++)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
}

/** A distinct client address per simulated phone or citizen, as a reverse proxy on loopback passes it
 * (the server trusts loopback proxies): per-address rate limits then apply per phone, as in the field. */
export function forwardedFor(n: number): Record<string, string> {
  return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` }
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

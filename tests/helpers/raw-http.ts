// One HTTP request exactly as given — path bytes, headers and body untouched — so tests can send
// what fetch() would refuse or repair: invalid percent-encoding, raw Latin-1 bytes, a JSON body
// with a form content type, a GET with a body.
import http from 'node:http'

export interface RawRequest {
  method: string
  /** Sent as written, after the host: `/api/x?a=%ZZ`. Characters outside U+0021–U+00FF are refused by Node. */
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
}

export interface RawResponse {
  status: number
  contentType: string
  text: string
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 })

export function sendRaw(baseUrl: string, request: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const body = request.body == null ? undefined : Buffer.from(request.body)
    const req = http.request({
      host: hostname, port, method: request.method, path: request.path, agent,
      headers: { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      timeout: timeoutMs,
    }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms: ${request.method} ${request.path.slice(0, 200)}`)))
    req.on('error', reject)
    req.end(body)
  })
}

// A load balancer in front of several nodes, as small as a test needs: each TCP connection goes to
// the first backend that accepts it, in the order given (nginx's `proxy_next_upstream error` with a
// primary). A page loaded through it reconnects through it: when its node dies, to the next one.
import net from 'node:net'

export interface FailoverProxy {
  url: string
  close(): Promise<void>
}

export async function startFailoverProxy(backends: () => number[]): Promise<FailoverProxy> {
  const open = new Set<net.Socket>()
  const server = net.createServer((client) => {
    open.add(client)
    client.on('close', () => open.delete(client))
    client.pause()
    const tryBackend = (ports: number[]) => {
      if (ports.length === 0) return client.destroy()
      const upstream = net.connect(ports[0], '127.0.0.1')
      upstream.once('error', () => { upstream.destroy(); tryBackend(ports.slice(1)) })
      upstream.once('connect', () => {
        upstream.removeAllListeners('error')
        open.add(upstream)
        upstream.on('close', () => { open.delete(upstream); client.destroy() })
        upstream.on('error', () => client.destroy())
        client.on('error', () => upstream.destroy())
        client.on('close', () => upstream.destroy())
        client.pipe(upstream).pipe(client)
        client.resume()
      })
    }
    tryBackend(backends())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      for (const socket of open) socket.destroy()
      server.close(() => resolve())
    }),
  }
}

// A raster XYZ tile server on 127.0.0.1, as a centre's intranet map server would be: light map-like
// PNG tiles (a beige ground, white streets with grey edges, a blue river), or, to test the failure
// path, HTTP 500 for every tile. Counts what it is asked for. It also serves /style.json, a light
// MapLibre style over its own tiles, as a centre's style server would.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { PNG } from 'pngjs'

export interface RasterTileServer {
  /** `http://127.0.0.1:<port>/{z}/{x}/{y}.png` */
  template: string
  host: string
  /** `http://127.0.0.1:<port>/style.json` */
  styleUrl: string
  /** Tile paths requested so far. */
  requests: string[]
  close(): Promise<void>
}

const SIZE = 256

function paint(png: PNG, x: number, y: number, [r, g, b]: [number, number, number]): void {
  const i = (y * SIZE + x) * 4
  png.data[i] = r; png.data[i + 1] = g; png.data[i + 2] = b; png.data[i + 3] = 255
}

/** One tile: streets every 64 px (a major one every 128 px), a river along the tile's diagonal. */
export function mapLikeTile(): Buffer {
  const png = new PNG({ width: SIZE, height: SIZE })
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const street = (n: number, w: number) => n % 64 < w
      const major = x % 128 < 10 || y % 128 < 10
      const edge = major && (x % 128 < 2 || x % 128 === 9 || y % 128 < 2 || y % 128 === 9)
      const river = Math.abs(x - y) < 14
      let colour: [number, number, number] = [242, 239, 233]
      if (street(x, 5) || street(y, 5)) colour = [255, 255, 255]
      if (major) colour = edge ? [170, 170, 170] : [252, 214, 164]
      if (river) colour = [170, 211, 223]
      paint(png, x, y, colour)
    }
  }
  return PNG.sync.write(png)
}

export async function startRasterTileServer({ failWith }: { failWith?: number } = {}): Promise<RasterTileServer> {
  const tile = mapLikeTile()
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    const path = req.url ?? ''
    requests.push(path)
    if (path === '/style.json') return void res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(lightStyle(host)))
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(path)) return void res.writeHead(404).end()
    if (failWith) return void res.writeHead(failWith, { 'access-control-allow-origin': '*' }).end('tile server down')
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*', 'cache-control': 'no-cache' }).end(tile)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    template: `http://${host}/{z}/{x}/{y}.png`, styleUrl: `http://${host}/style.json`, host, requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}

/** A light style as centres' servers have them: a beige background, the raster tiles, a road line in grey. */
function lightStyle(host: string): object {
  return {
    version: 8,
    sources: { streets: { type: 'raster', tiles: [`http://${host}/{z}/{x}/{y}.png`], tileSize: 256, maxzoom: 18 } },
    layers: [
      { id: 'land', type: 'background', paint: { 'background-color': '#f8f4f0' } },
      { id: 'streets', type: 'raster', source: 'streets' },
    ],
  }
}

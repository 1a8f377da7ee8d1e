// Generated area files at city scale for the import tests and tests/bench/import-validation.ts: a
// district of streets in a row, each of communities × communities, each of grids × grids square
// grids whose edges carry `perEdge` positions (so a grid has 4 × perEdge vertices). Codes follow
// 统计用区划代码: street 9 digits, community 12, grid 15. Features are district, streets,
// communities, then grids, so a grid's index is predictable.
import type { Position } from 'geojson'

export interface LargeFileShape {
  streets: number
  /** Communities per street side (a street has communities² of them). */
  communities: number
  /** Grids per community side. */
  grids: number
  /** Positions per grid edge. */
  perEdge: number
}

export interface GeneratedFeature {
  type: 'Feature'
  properties: { code: string; name: string; level: string; parentCode: string | null }
  geometry: { type: 'Polygon'; coordinates: Position[][] }
}

export interface GeneratedFile {
  type: 'FeatureCollection'
  features: GeneratedFeature[]
}

const ORIGIN: Position = [119.25, 26.05]
const GRID_DEG = 0.002

export function largeAreasFile(shape: LargeFileShape): GeneratedFile {
  const { streets, communities, grids, perEdge } = shape
  const streetDeg = communities * grids * GRID_DEG
  const features: GeneratedFeature[] = []
  const add = (code: string, level: string, parentCode: string | null, x: number, y: number, size: [number, number], steps: [number, number]) =>
    features.push({ type: 'Feature', properties: { code, name: `${level} ${code}`, level, parentCode }, geometry: { type: 'Polygon', coordinates: [rectangle(x, y, size, steps)] } })
  add('350111', 'district', null, 0, 0, [streets * streetDeg, streetDeg], [1, 1])
  const cells: [string, string, number, number][] = []
  for (let s = 0; s < streets; s++) {
    const street = `350111${String(s + 1).padStart(3, '0')}`
    add(street, 'street', '350111', s * streetDeg, 0, [streetDeg, streetDeg], [communities, communities])
    for (let c = 0; c < communities * communities; c++) {
      const community = `${street}${String(c + 1).padStart(3, '0')}`
      const cx = s * streetDeg + (c % communities) * grids * GRID_DEG, cy = Math.floor(c / communities) * grids * GRID_DEG
      // The community's boundary carries its grids' vertices, as a shared boundary would.
      add(community, 'community', street, cx, cy, [grids * GRID_DEG, grids * GRID_DEG], [grids * perEdge, grids * perEdge])
      for (let g = 0; g < grids * grids; g++) cells.push([`${community}${String(g + 1).padStart(3, '0')}`, community, cx + (g % grids) * GRID_DEG, cy + Math.floor(g / grids) * GRID_DEG])
    }
  }
  for (const [code, community, x, y] of cells) add(code, 'grid', community, x, y, [GRID_DEG, GRID_DEG], [perEdge, perEdge])
  return { type: 'FeatureCollection', features }
}

/** A closed counter-clockwise rectangle with `steps` positions along each side. */
function rectangle(x: number, y: number, [w, h]: [number, number], [nx, ny]: [number, number]): Position[] {
  const at = (dx: number, dy: number): Position => [round(ORIGIN[0] + x + dx), round(ORIGIN[1] + y + dy)]
  const ring: Position[] = []
  for (let i = 0; i < nx; i++) ring.push(at((w * i) / nx, 0))
  for (let i = 0; i < ny; i++) ring.push(at(w, (h * i) / ny))
  for (let i = nx; i > 0; i--) ring.push(at((w * i) / nx, h))
  for (let i = ny; i > 0; i--) ring.push(at(0, (h * i) / ny))
  ring.push(ring[0])
  return ring
}

/** Seven decimals (~1 cm), as GIS exports write them: also keeps shared vertices identical. */
function round(v: number): number {
  return Math.round(v * 1e7) / 1e7
}

/**
 * A ring that defeats a sort by x: a zigzag of `teeth` edges, each spanning the whole width, stacked
 * a hair apart, closed down the left side. It crosses nothing.
 */
export function zigzagRing(teeth: number, width = 0.01, pitch = 1e-6): Position[] {
  const ring: Position[] = []
  for (let i = 0; i <= teeth; i++) ring.push([round(ORIGIN[0] + (i % 2 === 0 ? 0 : width)), round(ORIGIN[1] + i * pitch)])
  ring.push([round(ORIGIN[0] - width / 10), round(ORIGIN[1] + teeth * pitch)])
  ring.push([round(ORIGIN[0] - width / 10), ORIGIN[1]])
  ring.push(ring[0])
  return ring
}

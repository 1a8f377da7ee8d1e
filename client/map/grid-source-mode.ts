// How the wall gets its area polygons: one GeoJSON of the whole hierarchy (parsed on the main thread,
// then indexed again by MapLibre's worker) or the server's vector tiles (only what is in view, parsed
// in the worker). `?grids=geojson|tiles` forces one, so a benchmark can compare both in one run.
// Measured first pictures are in README "Grid polygons: GeoJSON or tiles" (rule chosen from them).

export type GridSourceMode = 'geojson' | 'tiles'

/** Above this many grids the wall draws tiles (measured: see README). */
export const GEOJSON_MAX_GRIDS = 2000

export function gridSourceMode(search: string, grids: number): GridSourceMode {
  const asked = new URLSearchParams(search).get('grids')
  if (asked === 'geojson' || asked === 'tiles') return asked
  return grids > GEOJSON_MAX_GRIDS ? 'tiles' : 'geojson'
}

/** A tile URL from the TileJSON with the wall token added (MapLibre fetches tiles itself, without our headers). */
export function withWallToken(url: string, token: string | null, base: string): string {
  const absolute = new URL(url.replace(/[{}]/g, (c) => (c === '{' ? '%7B' : '%7D')), base)
  if (token) absolute.searchParams.set('token', token)
  return absolute.toString().replace(/%7B/gi, '{').replace(/%7D/gi, '}')
}

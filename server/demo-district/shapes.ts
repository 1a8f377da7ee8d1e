// Coordinate plumbing between cell-corner units, projected metres and rounded WGS-84.
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { toLngLat } from './projection'
import type { RasterSpec, XY } from './projection'

export type Shape = Polygon | MultiPolygon

export function mapShape(shape: Shape, fn: (p: Position) => Position): Shape {
  if (shape.type === 'Polygon') return { type: 'Polygon', coordinates: shape.coordinates.map((r) => r.map(fn)) }
  return { type: 'MultiPolygon', coordinates: shape.coordinates.map((poly) => poly.map((r) => r.map(fn))) }
}

/** Polygons → rings → points, whatever the shape type. */
export function polygonsOf(shape: Shape): Position[][][] {
  return shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates
}

export function round6(p: Position): Position {
  return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6]
}

export function cornerToMetres(spec: RasterSpec): (p: Position) => XY {
  return (p) => [spec.x0 + p[0] * spec.cell, spec.y0 + p[1] * spec.cell]
}

export function metresToCorner(spec: RasterSpec): (p: XY) => Position {
  return (p) => [(p[0] - spec.x0) / spec.cell, (p[1] - spec.y0) / spec.cell]
}

/** Cell-corner shape → WGS-84 rounded to 6 decimals (≈ 0.1 m). */
export function cornerToWgs84(spec: RasterSpec): (shape: Shape) => Shape {
  const toMetres = cornerToMetres(spec)
  return (shape) => mapShape(shape, (p) => round6(toLngLat(toMetres(p))))
}

// The baseline the wall must beat, as the Vue big-screen templates do it: every message (snapshot,
// positions, cases, statistics) rebuilds the whole picture — all grids with their state, all
// inspectors, their trails, all cases — as GeoJSON and hands each source to `setData`, no
// coalescing, no feature-state. Same MapLibre, same basemap, same data, same socket events as the
// wall. `?server=<origin>` is the wall server (its socket); grid polygons come from this page's origin;
// `&w=&h=` size the map as the wall's map (so both draw the same number of pixels).
import { Map as MaplibreMap, setWorkerUrl, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { io } from 'socket.io-client'
import type { FeatureCollection, Polygon } from 'geojson'
import type { CaseSummary, GridLoad, WallSnapshot } from '../../../server/contract/domain'
import type { CasesChanged, StatsChanged } from '../../../server/contract/events'
import { applyGridLoadChanges } from '../../../server/contract/grid-load-changes'
import { decodePositionFrame, type PositionRecord } from '../../../server/contract/position-frame'

declare global {
  interface Window { __naiveMap?: MaplibreMap }
}

const TRAIL_POINTS = 30
const LOAD_COLORS = ['rgba(53, 208, 255, 0.06)', 'rgba(250, 204, 21, 0.28)', 'rgba(249, 115, 22, 0.38)', 'rgba(239, 68, 68, 0.5)']
const STEP_COLORS = ['reported', '#7dd3fc', 'accepted', '#38bdf8', 'filed', '#a78bfa', 'dispatched', '#fb923c', 'handled', '#34d399', 'verified', '#2dd4bf']

setWorkerUrl(workerUrl)

interface Inspector { lng: number; lat: number; heading: number | null; status: PositionRecord['status']; trail: number[] }
const inspectors = new Map<number, Inspector>()
const cases = new Map<string, CaseSummary>()
let gridLoad: Record<string, GridLoad> = {}
let areas: FeatureCollection<Polygon, { code: string; name: string; level: string }> | null = null

const origin = location.origin
const style: StyleSpecification = {
  version: 8,
  sources: {
    outline: { type: 'geojson', data: `${origin}/basemap/district-outline.geojson` },
    buildings: { type: 'geojson', data: `${origin}/basemap/buildings.geojson`, buffer: 16 },
    areas: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    trails: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, lineMetrics: true },
    inspectors: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    cases: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#061327' } },
    { id: 'outline-fill', type: 'fill', source: 'outline', paint: { 'fill-color': '#0a1f3c', 'fill-opacity': 0.9 } },
    { id: 'naive-grids', type: 'fill', source: 'areas', filter: ['==', ['get', 'level'], 'grid'], paint: { 'fill-color': ['step', ['get', 'open'], LOAD_COLORS[0], 1, LOAD_COLORS[1], 2, LOAD_COLORS[2], 3, LOAD_COLORS[3]] } },
    { id: 'buildings-fill', type: 'fill', source: 'buildings', paint: { 'fill-color': '#17375f', 'fill-opacity': 0.95 } },
    { id: 'grids-line', type: 'line', source: 'areas', filter: ['==', ['get', 'level'], 'grid'], paint: { 'line-color': '#3aa6e0', 'line-width': 1, 'line-opacity': 0.7, 'line-dasharray': [3, 2] } },
    { id: 'communities-line', type: 'line', source: 'areas', filter: ['==', ['get', 'level'], 'community'], paint: { 'line-color': '#5fe1ff', 'line-width': 2.2, 'line-opacity': 0.9 } },
    { id: 'streets-line', type: 'line', source: 'areas', filter: ['==', ['get', 'level'], 'street'], paint: { 'line-color': '#ffd166', 'line-width': 3.5, 'line-opacity': 0.85 } },
    {
      id: 'communities-label', type: 'symbol', source: 'areas', filter: ['==', ['get', 'level'], 'community'], maxzoom: 14.6,
      layout: { 'text-field': ['get', 'name'], 'text-size': 17, 'text-font': ['Noto Sans CJK SC'] },
      paint: { 'text-color': '#e6f7ff', 'text-halo-color': '#04101f', 'text-halo-width': 2 },
    },
    {
      id: 'trails-line', type: 'line', source: 'trails', layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-width': 3, 'line-gradient': ['interpolate', ['linear'], ['line-progress'], 0, 'rgba(34, 211, 238, 0)', 1, 'rgba(125, 249, 255, 0.95)'] },
    },
    { id: 'naive-inspectors-halo', type: 'circle', source: 'inspectors', filter: ['==', ['get', 'status'], 'online'], paint: { 'circle-radius': 14, 'circle-color': '#22d3ee', 'circle-opacity': 0.22, 'circle-blur': 0.6 } },
    {
      id: 'naive-inspectors', type: 'circle', source: 'inspectors',
      paint: { 'circle-radius': 7, 'circle-color': ['match', ['get', 'status'], 'online', '#22d3ee', 'stale', '#a3a3a3', '#52525b'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
    { id: 'cases-pulse', type: 'circle', source: 'cases', filter: ['==', ['get', 'deadline'], 'overdue'], paint: { 'circle-radius': 12, 'circle-color': '#ef4444', 'circle-opacity': 0.5, 'circle-blur': 0.4 } },
    {
      id: 'naive-cases', type: 'circle', source: 'cases',
      paint: {
        'circle-radius': 6.5, 'circle-color': ['match', ['get', 'step'], ...STEP_COLORS, '#ffffff'] as never,
        'circle-stroke-color': ['match', ['get', 'deadline'], 'overdue', '#ef4444', 'dueSoon', '#facc15', '#0b1b33'], 'circle-stroke-width': 1.5,
      },
    },
  ],
}

const params = new URLSearchParams(location.search)
const container = document.getElementById('map')!
if (params.get('w')) Object.assign(container.style, { width: `${params.get('w')}px`, height: `${params.get('h')}px` })

const map = new MaplibreMap({
  container: 'map', style, center: [119.352, 26.074], zoom: 11, attributionControl: false,
  localIdeographFontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif',
})
window.__naiveMap = map
let styleReady = false

/** The whole picture, rebuilt and re-sent on every message. */
function redrawAll(): void {
  if (!styleReady) return
  const source = (id: string) => map.getSource<GeoJSONSource>(id)
  if (areas) {
    void source('areas')?.setData({
      type: 'FeatureCollection',
      features: areas.features.map((f) => ({ ...f, properties: { ...f.properties, open: gridLoad[f.properties.code]?.open ?? 0, overdue: gridLoad[f.properties.code]?.overdue ?? 0 } })),
    })
  }
  const list = [...inspectors.entries()]
  void source('inspectors')?.setData({
    type: 'FeatureCollection',
    features: list.map(([id, i]) => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [i.lng, i.lat] }, properties: { id, status: i.status, heading: i.heading ?? -1 } })),
  })
  void source('trails')?.setData({
    type: 'FeatureCollection',
    features: list.filter(([, i]) => i.status !== 'offline' && i.trail.length >= 4).map(([id, i]) => ({
      type: 'Feature', id, properties: { id },
      geometry: { type: 'LineString', coordinates: Array.from({ length: i.trail.length / 2 }, (_, k) => [i.trail[2 * k], i.trail[2 * k + 1]]) },
    })),
  })
  void source('cases')?.setData({
    type: 'FeatureCollection',
    features: [...cases.values()].flatMap((c) => (c.lng == null || c.lat == null ? [] : [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [c.lng, c.lat] }, properties: { id: c.id, step: c.step, deadline: c.deadline } }])),
  })
}

function applyPositions(records: readonly PositionRecord[]): void {
  for (const r of records) {
    const current = inspectors.get(r.id)
    const trail = current?.trail ?? []
    if (!current || current.lng !== r.lng || current.lat !== r.lat) {
      trail.push(r.lng, r.lat)
      if (trail.length > TRAIL_POINTS * 2) trail.splice(0, trail.length - TRAIL_POINTS * 2)
    }
    inspectors.set(r.id, { lng: r.lng, lat: r.lat, heading: r.heading, status: r.status, trail })
  }
}

const server = params.get('server') ?? origin
const socket = io(server, { transports: ['websocket'] })
socket.on('wall:snapshot', (snapshot: WallSnapshot) => {
  inspectors.clear()
  for (const i of snapshot.inspectors) inspectors.set(i.id, { lng: i.lng, lat: i.lat, heading: i.heading, status: i.status, trail: [...i.trail] })
  cases.clear()
  for (const c of snapshot.cases) cases.set(c.id, c)
  gridLoad = snapshot.stats.gridLoad
  const root = snapshot.areas.find((a) => a.code === snapshot.district.code)
  if (root) map.fitBounds([[root.bbox[0], root.bbox[1]], [root.bbox[2], root.bbox[3]]], { padding: { top: 130, bottom: 40, left: 30, right: 30 }, duration: 0 })
  redrawAll()
})
socket.on('inspectors:moved', (data: ArrayBuffer) => {
  applyPositions(decodePositionFrame(data).records)
  redrawAll()
})
socket.on('cases:changed', (change: CasesChanged) => {
  for (const c of change.cases) {
    if (c.step === 'closed' || c.step === 'cancelled') cases.delete(c.id)
    else cases.set(c.id, c)
  }
  redrawAll()
})
socket.on('stats:changed', (stats: StatsChanged) => {
  gridLoad = applyGridLoadChanges(gridLoad, stats.gridLoadChanges)
  redrawAll()
})

map.on('load', () => {
  styleReady = true
  redrawAll()
  void fetch(`${origin}/areas.geojson`).then((r) => r.json()).then((fc) => {
    areas = fc
    redrawAll()
  })
})

// The same overdue pulse as the wall's case layer (12 frames a second), so both redraw alike.
setInterval(() => {
  if (!map.getLayer('cases-pulse')) return
  const phase = (performance.now() % 1600) / 1600
  map.setPaintProperty('cases-pulse', 'circle-radius', 9 + phase * 16)
  map.setPaintProperty('cases-pulse', 'circle-opacity', 0.6 * (1 - phase))
}, 1000 / 12)

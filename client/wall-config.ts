// The settings the server embedded in index.html (<script id="wall-config" type="application/json">):
// the basemap and its coordinate system. Without them (Vite's dev server, a unit test) the wall uses
// the built-in demo basemap.
import { DEMO_BASEMAP, type WallPageConfig } from '../server/contract/basemap'

let cached: WallPageConfig | undefined

export function wallPageConfig(): WallPageConfig {
  if (cached) return cached
  const text = typeof document === 'undefined' ? null : document.getElementById('wall-config')?.textContent
  try {
    cached = text ? (JSON.parse(text) as WallPageConfig) : { basemap: DEMO_BASEMAP }
  } catch {
    console.warn('[config] the page carries an unreadable wall-config; using the demo basemap')
    cached = { basemap: DEMO_BASEMAP }
  }
  return cached
}

// Points on the wall's map for end-to-end tests, found with the page's own MapLibre instance.
import type { Page } from 'playwright-core'
import type { AreaInfo } from '../../server/contract/domain'

/** A pixel inside the grid with no case or inspector marker on it (a click there focuses the grid). */
export async function clickablePointIn(page: Page, grid: AreaInfo): Promise<{ x: number; y: number }> {
  await page.waitForFunction((code) => (window.__wallMap?.queryRenderedFeatures({ layers: ['grids-fill'] }) ?? []).some((f) => f.properties.code === code), grid.code, { timeout: 30_000 })
  return page.evaluate(({ code, center }) => {
    const map = window.__wallMap!
    const rect = map.getCanvas().getBoundingClientRect()
    const scale = rect.width / map.getCanvas().clientWidth
    const origin = map.project(center as [number, number])
    for (let r = 0; r < 60; r += 4) {
      for (let a = 0; a < 360; a += 30) {
        const p = { x: origin.x + r * Math.cos((a * Math.PI) / 180), y: origin.y + r * Math.sin((a * Math.PI) / 180) }
        const hits = map.queryRenderedFeatures([p.x, p.y], { layers: ['cases-circle', 'inspectors-circle', 'grids-fill'] })
        if (hits.length > 0 && hits[0].layer.id === 'grids-fill' && hits[0].properties.code === code) {
          return { x: rect.left + p.x * scale, y: rect.top + p.y * scale }
        }
      }
    }
    throw new Error(`no free point found in grid ${code}`)
  }, { code: grid.code, center: grid.center })
}

// BASEMAP as raster tile templates: `url|url|…`, each with {z}/{x}/{y}, drawn in order (Tianditu's
// vec_w then its cva_w labels). A {s} in a template is filled from BASEMAP_SUBDOMAINS: one URL per
// subdomain, so MapLibre spreads its requests over the servers as Leaflet's {s} does.
import { BasemapConfigError } from './basemap-error'

/** `0-7` → 0…7, `a,b,c` → a, b, c; both mixed (`0-3,a`). */
export function parseSubdomains(raw: string): string[] {
  const result: string[] = []
  for (const item of raw.split(',').map((s) => s.trim())) {
    const range = /^(\d+)-(\d+)$/.exec(item)
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])]
      if (from > to || to - from > 63) throw new BasemapConfigError(`BASEMAP_SUBDOMAINS=${raw}: the range ${item} must run upwards over at most 64 numbers`)
      for (let n = from; n <= to; n++) result.push(String(n))
    } else if (/^[A-Za-z0-9-]+$/.test(item)) {
      result.push(item)
    } else {
      throw new BasemapConfigError(`BASEMAP_SUBDOMAINS=${raw}: "${item}" is not a subdomain (use a range such as 0-7 or a list such as a,b,c)`)
    }
  }
  return result
}

/** The templates of BASEMAP, checked, each expanded into one URL per subdomain. */
export function rasterTemplates(basemap: string, subdomains: string | undefined): string[][] {
  const templates = basemap.split('|').map((t) => t.trim()).filter((t) => t !== '')
  const usesSubdomains = templates.some((t) => t.includes('{s}'))
  if (subdomains && !usesSubdomains) throw new BasemapConfigError(`BASEMAP_SUBDOMAINS=${subdomains}: BASEMAP has no {s} to fill`)
  const expanded = usesSubdomains ? requiredSubdomains(subdomains) : []
  return templates.map((template) => {
    checkTemplate(template)
    return template.includes('{s}') ? expanded.map((s) => template.replaceAll('{s}', s)) : [template]
  })
}

function requiredSubdomains(raw: string | undefined): string[] {
  if (!raw) throw new BasemapConfigError('BASEMAP has {s} in a tile template: set BASEMAP_SUBDOMAINS (e.g. 0-7 for Tianditu, a,b,c)')
  return parseSubdomains(raw)
}

function checkTemplate(template: string): void {
  let url: URL
  try {
    url = new URL(template.replaceAll('{s}', 's'))
  } catch {
    throw new BasemapConfigError(`BASEMAP=${template}: a tile template must be an http(s) URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BasemapConfigError(`BASEMAP=${template}: a tile template must be an http(s) URL`)
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !template.includes(p))
  if (missing.length > 0) throw new BasemapConfigError(`BASEMAP=${template}: a tile template needs ${missing.join(', ')}`)
}

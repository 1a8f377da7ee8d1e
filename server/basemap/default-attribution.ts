// The attribution line when BASEMAP_ATTRIBUTION is not set: the provider's usual credit for the
// hosts a Chinese centre commonly uses, else the host itself (a map without a credit is not allowed
// by most tile providers' terms).
const KNOWN_PROVIDERS: Array<[RegExp, string]> = [
  [/(^|\.)tianditu\.(gov\.cn|com)$/, '© 天地图 国家地理信息公共服务平台'],
  [/(^|\.)openstreetmap\.(org|fr|de)$/, '© OpenStreetMap 贡献者'],
  [/(^|\.)(autonavi|amap)\.com$/, '© 高德地图'],
  [/(^|\.)(map\.qq|gtimg)\.com$/, '© 腾讯地图'],
  [/(^|\.)(openfreemap\.org|protomaps\.com|openmaptiles\.org|maptiler\.com)$/, '© OpenMapTiles © OpenStreetMap 贡献者'],
]

/** The default credit for a basemap fetched from these URLs (the first one's host decides). */
export function defaultAttribution(urls: string[]): string {
  const host = hostOf(urls[0])
  if (!host) return ''
  return KNOWN_PROVIDERS.find(([pattern]) => pattern.test(host))?.[1] ?? `底图 © ${host}`
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url.replaceAll('{s}', 's')).hostname : null
  } catch {
    return null
  }
}

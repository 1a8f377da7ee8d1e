// The visitors' tour is set up from the URL once (`?tour=…&tourSeconds=…&tourIdle=…`) and
// remembered on this screen like the wall token: the tour's own navigation drops the query string,
// and a wall reloaded days later must tour the same way.
import { TOUR_STOPS, type TourStop } from './tour-planner'

const KEY = 'wall.tour'
const PARAMS = ['tour', 'tourSeconds', 'tourIdle'] as const

export const DEFAULT_PLAYLIST: readonly TourStop[] = TOUR_STOPS
export const DEFAULT_STOP_SECONDS = 25
export const DEFAULT_IDLE_SECONDS = 60
/** The replay stop lasts until the replay ends, or this long. */
export const REPLAY_MAX_SECONDS = 60
export const REPLAY_SPEED = 60

export interface TourOptions {
  enabled: boolean
  playlist: TourStop[]
  stopSeconds: number
  idleSeconds: number
}

type Settings = Partial<Record<(typeof PARAMS)[number], string>>

/** Storage as the wall uses it (localStorage in the browser, a stub in tests). */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw)
  return raw != null && raw !== '' && Number.isFinite(n) && n > 0 ? n : fallback
}

function playlist(raw: string | undefined): TourStop[] {
  const asked = (raw ?? '').split(',').map((s) => s.trim()).filter((s): s is TourStop => (TOUR_STOPS as readonly string[]).includes(s))
  return asked.length > 0 ? asked : [...DEFAULT_PLAYLIST]
}

/** Pure: the URL's settings over the remembered ones. `tour` is 1, 0 or a playlist; kiosk walls tour by default. */
export function parseTourOptions(settings: Settings, kiosk: boolean): TourOptions {
  const tour = settings.tour
  return {
    enabled: tour == null ? kiosk : tour !== '0' && tour !== 'false',
    playlist: playlist(tour),
    stopSeconds: positive(settings.tourSeconds, DEFAULT_STOP_SECONDS),
    idleSeconds: positive(settings.tourIdle, DEFAULT_IDLE_SECONDS),
  }
}

/** Reads the URL, remembers what it set, and returns this screen's tour. */
export function readTourOptions(search: string, storage: SettingsStorage, kiosk: boolean): TourOptions {
  let settings: Settings = {}
  try {
    const stored: unknown = JSON.parse(storage.getItem(KEY) ?? '{}')
    if (stored && typeof stored === 'object') settings = stored as Settings
  } catch {
    // a damaged entry is forgotten, not fatal
  }
  const url = new URLSearchParams(search)
  const fromUrl = PARAMS.filter((p) => url.has(p))
  for (const p of fromUrl) settings[p] = url.get(p) ?? undefined
  if (fromUrl.length > 0) storage.setItem(KEY, JSON.stringify(settings))
  return parseTourOptions(settings, kiosk)
}

// W3C date-times as GeoReport v2 and FixMyStreet write them (DateTime::Format::W3CDTF): with a zone,
// `Z` or ±hh:mm. One parser for every Open311 date: requests' windows, updates' windows and the
// updated_datetime of a posted update. Calendar fields are checked: 2026-02-30 or 24:00 is refused,
// where Date.parse would roll them over.
import type { EpochMs } from '../../contract/domain'
import { CST_OFFSET_MS } from '../../domain/china-time'

const W3C_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/
const W3C_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Epoch ms of a calendar time given in UTC, or NaN when a field is out of range (2026-02-30, 24:00). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const at = Date.UTC(y, mo - 1, d, h, mi, s)
  const back = new Date(at)
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d
    && back.getUTCHours() === h && back.getUTCMinutes() === mi && back.getUTCSeconds() === s ? at : NaN
}

/** A date-time with its zone, as epoch ms; null when it is not one. */
export function parseW3cDateTime(raw: string): EpochMs | null {
  const m = W3C_TIME.exec(raw)
  if (!m) return null
  const local = utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0))
  const offsetH = Number(m[10] ?? 0)
  const offsetM = Number(m[11] ?? 0)
  if (Number.isNaN(local) || offsetH > 14 || offsetM > 59) return null
  const fraction = m[7] ? Math.floor(Number(m[7]) * 1000) : 0
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (offsetH * 60 + offsetM) * 60_000
  return local + fraction - offset
}

/** As parseW3cDateTime, and a bare date as that day's 00:00 in China Standard Time. */
export function parseW3cDateOrDay(raw: string): EpochMs | null {
  const day = W3C_DAY.exec(raw)
  if (!day) return parseW3cDateTime(raw)
  const at = utc(Number(day[1]), Number(day[2]), Number(day[3]))
  return Number.isNaN(at) ? null : at - CST_OFFSET_MS
}

/** An unencoded '+' of an offset arrives in a query string as a space: '…T10:00:00 08:00'. */
export function restorePlus(raw: string): string {
  return raw.replace(/ (\d{2}:\d{2})$/, '+$1')
}

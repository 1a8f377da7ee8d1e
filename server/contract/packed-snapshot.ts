// The compact snapshot a wall gets on (re)connect (issue #11): the tables that change only on an
// import or a registration travel apart, as content-hashed, immutable resources
// (GET /api/wall-tables/{name}.{hash}.json), and the socket carries their names and hashes plus the
// live part, encoded once per version and shared by every wall. At city scale the JSON snapshot is
// ~11 MB built and stringified per socket; the live part is ~0.9 MB, built once per tick at most.
// Pure code, no Node or DOM APIs (gzip is each end's own), so both ends import it.
import type { FeedItem, CaseSummary, WallSnapshot, WallStats } from './domain'
import { decodePositionFrame } from './position-frame'

/** The snapshot's tables that change only when areas are imported or inspectors registered. */
export const WALL_TABLE_NAMES = ['areas', 'profiles', 'categories', 'inspectorInfos'] as const
export type WallTableName = typeof WALL_TABLE_NAMES[number]
export type WallTables = Pick<WallSnapshot, WallTableName>

export interface WallTableRef {
  name: WallTableName
  /** Hex digest of the table's JSON: a new hash exactly when the content changed. */
  hash: string
  /** Where to fetch it (behind the wall token); immutable, so the HTTP cache keeps it for good. */
  url: string
}

/** `json`: the whole WallSnapshot as one JSON event (the legacy way, for comparison); `packed`: PackedSnapshot. */
export type SnapshotFormat = 'json' | 'packed'
export const SNAPSHOT_FORMATS: readonly SnapshotFormat[] = ['json', 'packed']

export interface PackedSnapshot {
  format: 'packed'
  /** Increases whenever the domain changed since the last encoding (at most one encoding a tick). */
  version: number
  /** The server's clock when this was sent (not when it was encoded): the wall syncs its clock to it. */
  serverTime: number
  clockSpeed: number
  clockSimulated: boolean
  district: WallSnapshot['district']
  tables: WallTableRef[]
  /** LIVE_LAYOUT below; an ArrayBuffer in browsers, a Buffer in Node. */
  live: ArrayBuffer | ArrayBufferView
}

/** The part of the live state that goes gzip'd JSON (everything but the inspectors' markers). */
export interface PackedLiveRest {
  cases: CaseSummary[]
  feed: FeedItem[]
  stats: WallStats
  /** Trails by inspector id, only those not empty (the snapshot carries none above 2,000 inspectors). */
  trails: Record<number, number[]>
}

// LIVE_LAYOUT (little-endian): u32 byte length P of the position frame; P bytes: the inspectors as a
// position frame (position-frame.ts: 20 bytes each, positions to 1e-6°, fix times to the second,
// headings to the degree, exactly what the live frames carry); the rest: gzip of PackedLiveRest's JSON.
const PREFIX_BYTES = 4

export function joinLive(positionFrame: ArrayBuffer, restGzip: Uint8Array): Uint8Array {
  const out = new Uint8Array(PREFIX_BYTES + positionFrame.byteLength + restGzip.byteLength)
  new DataView(out.buffer).setUint32(0, positionFrame.byteLength, true)
  out.set(new Uint8Array(positionFrame), PREFIX_BYTES)
  out.set(restGzip, PREFIX_BYTES + positionFrame.byteLength)
  return out
}

export function splitLive(data: ArrayBuffer | ArrayBufferView): { positionFrame: Uint8Array; restGzip: Uint8Array } {
  const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data)
  if (bytes.byteLength < PREFIX_BYTES) throw new Error(`packed snapshot: ${bytes.byteLength} bytes is shorter than its prefix`)
  const frameBytes = new DataView(bytes.buffer, bytes.byteOffset, PREFIX_BYTES).getUint32(0, true)
  if (PREFIX_BYTES + frameBytes > bytes.byteLength) throw new Error(`packed snapshot: a ${frameBytes}-byte position frame in ${bytes.byteLength} bytes`)
  return {
    positionFrame: bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + frameBytes),
    restGzip: bytes.subarray(PREFIX_BYTES + frameBytes),
  }
}

/** The WallSnapshot the JSON path gives, from the packed parts (the live rest already gunzipped and parsed). */
export function assembleSnapshot(packed: PackedSnapshot, tables: WallTables, positionFrame: Uint8Array, rest: PackedLiveRest): WallSnapshot {
  const { records } = decodePositionFrame(positionFrame)
  return {
    serverTime: packed.serverTime,
    clockSpeed: packed.clockSpeed,
    clockSimulated: packed.clockSimulated,
    district: packed.district,
    areas: tables.areas,
    profiles: tables.profiles,
    categories: tables.categories,
    inspectorInfos: tables.inspectorInfos,
    inspectors: records.map((r) => ({ ...r, trail: rest.trails[r.id] ?? [] })),
    cases: rest.cases,
    feed: rest.feed,
    stats: rest.stats,
  }
}

export function isPackedSnapshot(snapshot: object): snapshot is PackedSnapshot {
  return (snapshot as { format?: unknown }).format === 'packed'
}

// The packed snapshot, encoded once per version and shared by every wall that (re)connects. A
// version is the domain as of one encoding; the broadcaster says when the domain changed (positions
// sent, statistics sent, an import) and when a tick passed. A changed domain is re-encoded on the
// next request, but at most once per tick: 200 walls reconnecting after a restart share a handful of
// encodings instead of building 200 snapshots.
//
// Why a snapshot encoded earlier in the tick is still exact for a wall joining later: case changes
// since the last tick go out to every wall at the next tick (cases:changed, applied on top), the
// grid loads are the last-sent baseline until that tick (which starts a new version), and the
// positions sent since the encoding are handed back as `movedSince`, which the broadcaster sends to
// the joining wall right after the snapshot.
import type { PackedSnapshot } from '../contract/packed-snapshot'
import type { District } from '../domain/district'

export interface SnapshotCacheOptions {
  district: District
  /** Encodes the live part as the domain is now. */
  encode: () => Buffer
  /** The tables' current names and hashes. */
  tables: () => PackedSnapshot['tables']
}

export interface SnapshotCache {
  /** The snapshot for a wall joining now, and the inspectors that moved since it was encoded. */
  packed(): { snapshot: PackedSnapshot; movedSince: number[] }
  /** The domain changed: the next request encodes a new version (if this tick has none yet). */
  changed(): void
  /** The change must reach the next wall whatever the tick (an import replaced areas). */
  invalidate(): void
  /** Positions of these inspectors were just sent to the walls. */
  noteMoved(ids: readonly number[]): void
  /** A broadcaster tick passed. */
  tick(): void
  /** How many times the live part was encoded (tests; the bench). */
  readonly encodings: number
}

interface Encoding {
  version: number
  tick: number
  live: Buffer
  movedSince: Set<number>
}

export function createSnapshotCache({ district, encode, tables }: SnapshotCacheOptions): SnapshotCache {
  let encoding: Encoding | null = null
  let stale = true
  let forced = false
  let tick = 0
  let version = 0
  let encodings = 0

  function current(): Encoding {
    const mayReuse = encoding && !forced && (!stale || encoding.tick === tick)
    if (mayReuse) return encoding!
    encodings++
    encoding = { version: ++version, tick, live: encode(), movedSince: new Set() }
    stale = false
    forced = false
    return encoding
  }

  return {
    packed() {
      const { version: v, live, movedSince } = current()
      const { clock, tree } = district
      const snapshot: PackedSnapshot = {
        format: 'packed', version: v, serverTime: clock.now(), clockSpeed: clock.speed, clockSimulated: clock.simulated,
        district: { code: tree.root.code, name: tree.root.name }, tables: tables(), live,
      }
      return { snapshot, movedSince: [...movedSince] }
    },
    changed() { stale = true },
    invalidate() { stale = true; forced = true },
    noteMoved(ids) {
      stale = true
      // Past its tick a stale encoding is never handed out again (current() re-encodes), so only
      // moves within the encoding's own tick are worth keeping: the set stays one tick's worth.
      if (!encoding || encoding.tick !== tick) return
      for (const id of ids) encoding.movedSince.add(id)
    },
    tick() { tick++ },
    get encodings() { return encodings },
  }
}

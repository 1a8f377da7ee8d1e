// The snapshot's static tables (areas, profiles, categories, inspector infos), each serialised and
// gzip'd once per content and named by its hash, so a wall downloads one only when it changed and a
// reload takes it from the HTTP cache. One instance per district, shared by the broadcaster (which
// names the tables in every packed snapshot) and the HTTP router (which serves them).
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { WALL_TABLE_NAMES, type WallTableName, type WallTableRef } from '../contract/packed-snapshot'
import { CASE_CATEGORIES } from '../domain/categories'
import type { District } from '../domain/district'

export interface EncodedTable {
  ref: WallTableRef
  /** The table's JSON, as GET /api/snapshot splices it in. */
  json: string
  /** Gzip'd once: what GET /api/wall-tables/… sends to every wall. */
  gzip: Buffer
}

export interface WallTableCache {
  /** The tables as they are now; a table is re-encoded only when what it is made of was replaced. */
  current(): EncodedTable[]
  /** A table by name and hash, if that is still its current content. */
  find(name: string, hash: string): EncodedTable | undefined
  /** How many times a table was serialised and hashed (tests: encodings happen on change only). */
  readonly encodings: number
}

export const wallTableUrl = (name: WallTableName, hash: string) => `/api/wall-tables/${name}.${hash}.json`

/**
 * What each table is built from, and the key that changes when that is replaced: the area tree and
 * the profiles are swapped whole by an import, the inspectors' infos count a revision per
 * registration or reassignment, the categories are a constant.
 */
function sourcesOf(district: District): Record<WallTableName, { key: unknown; value: () => unknown }> {
  return {
    areas: { key: district.tree, value: () => district.tree.all() },
    profiles: { key: district.profiles, value: () => district.profiles },
    categories: { key: CASE_CATEGORIES, value: () => CASE_CATEGORIES },
    inspectorInfos: { key: district.inspectors.infoRevision(), value: () => district.inspectors.allInfos() },
  }
}

function encode(name: WallTableName, value: unknown): EncodedTable {
  const json = JSON.stringify(value)
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 16)
  return { ref: { name, hash, url: wallTableUrl(name, hash) }, json, gzip: gzipSync(json, { level: 9 }) }
}

function createWallTableCache(district: District): WallTableCache {
  const cached = new Map<WallTableName, { key: unknown; table: EncodedTable }>()
  let encodings = 0
  function current(): EncodedTable[] {
    const sources = sourcesOf(district)
    return WALL_TABLE_NAMES.map((name) => {
      const { key, value } = sources[name]
      const hit = cached.get(name)
      if (hit && hit.key === key) return hit.table
      encodings++
      const table = encode(name, value())
      // Same content under a new key (an import of the same file): keep the old buffers.
      const kept = hit && hit.table.ref.hash === table.ref.hash ? hit.table : table
      cached.set(name, { key, table: kept })
      return kept
    })
  }
  return {
    current,
    find: (name, hash) => current().find((t) => t.ref.name === name && t.ref.hash === hash),
    get encodings() { return encodings },
  }
}

const caches = new WeakMap<District, WallTableCache>()

/** The one table cache of a district. */
export function wallTablesOf(district: District): WallTableCache {
  let cache = caches.get(district)
  if (!cache) caches.set(district, cache = createWallTableCache(district))
  return cache
}

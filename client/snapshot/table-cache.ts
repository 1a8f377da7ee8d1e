// The static tables of the packed snapshot, held by hash for the life of the page: a reconnect
// whose snapshot names the same hashes fetches nothing; a reload finds them in the HTTP cache (they
// are served immutable under their hash).
import type { WallTableName, WallTableRef, WallTables } from '../../server/contract/packed-snapshot'
import { WALL_TABLE_NAMES } from '../../server/contract/packed-snapshot'

export interface TableCache {
  /** The tables a snapshot names, fetching only those whose hash differs from the one held. */
  resolve(refs: readonly WallTableRef[]): Promise<WallTables>
  /** How many tables were fetched (tests). */
  readonly fetches: number
}

export function createTableCache(fetchJson: (url: string) => Promise<unknown>): TableCache {
  const held = new Map<WallTableName, { hash: string; value: unknown }>()
  let fetches = 0
  async function fetchTable(ref: WallTableRef): Promise<void> {
    fetches++
    held.set(ref.name, { hash: ref.hash, value: await fetchJson(ref.url) })
  }
  return {
    async resolve(refs) {
      await Promise.all(refs.filter((r) => held.get(r.name)?.hash !== r.hash).map(fetchTable))
      const tables: Record<string, unknown> = {}
      for (const name of WALL_TABLE_NAMES) {
        const ref = refs.find((r) => r.name === name)
        if (!ref) throw new Error(`packed snapshot names no ${name} table`)
        tables[name] = held.get(name)!.value
      }
      return tables as unknown as WallTables
    },
    get fetches() { return fetches },
  }
}

// A packed snapshot back into the WallSnapshot the stores take: the tables from the cache, the
// positions from their binary frame, the rest gunzipped by the browser (DecompressionStream, also
// in Node ≥ 18, where the tests run it) and parsed.
import type { WallSnapshot } from '../../server/contract/domain'
import { assembleSnapshot, splitLive, type PackedLiveRest, type PackedSnapshot } from '../../server/contract/packed-snapshot'
import type { TableCache } from './table-cache'

export async function gunzipJson<T>(gzip: Uint8Array): Promise<T> {
  // Copied into its own buffer: a Blob part must not be a view on a shared or larger buffer.
  const stream = new Blob([gzip.slice()]).stream().pipeThrough(new DecompressionStream('gzip'))
  return await new Response(stream).json() as T
}

export async function decodePackedSnapshot(packed: PackedSnapshot, tables: TableCache): Promise<WallSnapshot> {
  const { positionFrame, restGzip } = splitLive(packed.live)
  const [resolved, rest] = await Promise.all([tables.resolve(packed.tables), gunzipJson<PackedLiveRest>(restGzip)])
  return assembleSnapshot(packed, resolved, positionFrame, rest)
}

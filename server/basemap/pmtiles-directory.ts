// PMTiles v3 directories (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md §4): entries
// sorted by tile id, stored column-wise as varints (id deltas, run lengths, lengths, offsets with 0
// meaning "right after the previous entry"), compressed. A reader fetches the first 16 KiB of an
// archive to get the header and the root directory in one request, so when the root would not fit
// there, entries go to leaf directories and the root points at the leaves instead.
import zlib from 'node:zlib'

export interface DirectoryEntry {
  tileId: number
  /** Bytes from the start of the tile data (or, for a leaf pointer, of the leaf directories). */
  offset: number
  length: number
  /** How many consecutive tile ids share this content; 0 marks a pointer to a leaf directory. */
  runLength: number
}

/** The header takes 127 bytes of the first 16 KiB; the root directory must fit in the rest. */
export const ROOT_DIRECTORY_MAX_BYTES = 16_384 - 127

/** Unsigned LEB128, for numbers up to 2^53 (offsets of archives larger than 4 GiB). */
function pushVarint(out: number[], value: number): void {
  let n = value
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80)
    n = Math.floor(n / 0x80)
  }
  out.push(n)
}

export function serializeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
  const out: number[] = []
  pushVarint(out, entries.length)
  let lastId = 0
  for (const e of entries) {
    pushVarint(out, e.tileId - lastId)
    lastId = e.tileId
  }
  for (const e of entries) pushVarint(out, e.runLength)
  for (const e of entries) pushVarint(out, e.length)
  entries.forEach((e, i) => {
    const previous = entries[i - 1]
    pushVarint(out, i > 0 && e.offset === previous.offset + previous.length ? 0 : e.offset + 1)
  })
  return Uint8Array.from(out)
}

export function gzipDirectory(entries: readonly DirectoryEntry[]): Buffer {
  return zlib.gzipSync(serializeDirectory(entries), { level: 9 })
}

export interface Directories {
  root: Buffer
  /** The leaf directories, one after another (empty when the root holds every entry). */
  leaves: Buffer
  leafCount: number
}

/** The root directory, with leaves only when it must (the same growth rule as go-pmtiles' writer). */
export function buildDirectories(entries: readonly DirectoryEntry[]): Directories {
  if (entries.length < 16_384) {
    const root = gzipDirectory(entries)
    if (root.length <= ROOT_DIRECTORY_MAX_BYTES) return { root, leaves: Buffer.alloc(0), leafCount: 0 }
  }
  let leafSize = Math.max(4096, Math.ceil(entries.length / 3500))
  for (;;) {
    const built = withLeaves(entries, leafSize)
    if (built.root.length <= ROOT_DIRECTORY_MAX_BYTES) return built
    leafSize = Math.ceil(leafSize * 1.2)
  }
}

function withLeaves(entries: readonly DirectoryEntry[], leafSize: number): Directories {
  const rootEntries: DirectoryEntry[] = []
  const leaves: Buffer[] = []
  let offset = 0
  for (let start = 0; start < entries.length; start += leafSize) {
    const leaf = gzipDirectory(entries.slice(start, start + leafSize))
    rootEntries.push({ tileId: entries[start].tileId, offset, length: leaf.length, runLength: 0 })
    leaves.push(leaf)
    offset += leaf.length
  }
  return { root: gzipDirectory(rootEntries), leaves: Buffer.concat(leaves), leafCount: leaves.length }
}

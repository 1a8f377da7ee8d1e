// The 127-byte PMTiles v3 header (spec §3): little-endian offsets and lengths of the sections,
// counts, compression and tile type, zoom range, bounds and centre in 1e-7 degrees.
import { Compression, type TileType } from 'pmtiles'

export interface PmtilesHeader {
  rootDirectoryOffset: number
  rootDirectoryLength: number
  jsonMetadataOffset: number
  jsonMetadataLength: number
  leafDirectoryOffset: number
  leafDirectoryLength: number
  tileDataOffset: number
  tileDataLength: number
  numAddressedTiles: number
  numTileEntries: number
  numTileContents: number
  tileCompression: Compression
  tileType: TileType
  minZoom: number
  maxZoom: number
  /** [minLon, minLat, maxLon, maxLat] in degrees. */
  bounds: [number, number, number, number]
  /** [lon, lat, zoom]. */
  center: [number, number, number]
}

export const HEADER_BYTES = 127

export function serializeHeader(h: PmtilesHeader): Buffer {
  const b = Buffer.alloc(HEADER_BYTES)
  b.write('PMTiles', 0, 'latin1')
  b.writeUInt8(3, 7)
  const u64 = [
    h.rootDirectoryOffset, h.rootDirectoryLength, h.jsonMetadataOffset, h.jsonMetadataLength,
    h.leafDirectoryOffset, h.leafDirectoryLength, h.tileDataOffset, h.tileDataLength,
    h.numAddressedTiles, h.numTileEntries, h.numTileContents,
  ]
  u64.forEach((value, i) => b.writeBigUInt64LE(BigInt(value), 8 + i * 8))
  b.writeUInt8(1, 96) // clustered: tile contents are in tile id order
  b.writeUInt8(Compression.Gzip, 97) // directories and metadata
  b.writeUInt8(h.tileCompression, 98)
  b.writeUInt8(h.tileType, 99)
  b.writeUInt8(h.minZoom, 100)
  b.writeUInt8(h.maxZoom, 101)
  const e7 = (degrees: number) => Math.round(degrees * 1e7)
  h.bounds.forEach((degrees, i) => b.writeInt32LE(e7(degrees), 102 + i * 4))
  b.writeUInt8(Math.round(h.center[2]), 118)
  b.writeInt32LE(e7(h.center[0]), 119)
  b.writeInt32LE(e7(h.center[1]), 123)
  return b
}

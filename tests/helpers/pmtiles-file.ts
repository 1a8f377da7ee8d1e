// Reads a PMTiles archive from disk with the pmtiles package's own reader (its FileSource is for a
// browser File), so tests check our writer against the reader MapLibre uses. The file is read once
// into memory: test archives are small, and tens of thousands of tile reads stay fast.
import fs from 'node:fs'
import { PMTiles, type RangeResponse, type Source } from 'pmtiles'

class BufferSource implements Source {
  /** Every range read, for tests that check what a reader asks for. */
  readonly reads: Array<[number, number]> = []
  constructor(private readonly key: string, private readonly bytes: Buffer) {}
  getKey(): string {
    return this.key
  }
  getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.reads.push([offset, length])
    const slice = this.bytes.subarray(offset, offset + length)
    return Promise.resolve({ data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.length) as ArrayBuffer })
  }
}

export function openPmtiles(file: string): { archive: PMTiles; source: BufferSource } {
  const source = new BufferSource(file, fs.readFileSync(file))
  return { archive: new PMTiles(source), source }
}

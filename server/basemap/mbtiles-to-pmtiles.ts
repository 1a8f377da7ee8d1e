// npm run basemap:pmtiles -- <in.mbtiles> <out.pmtiles>
// Makes a city's basemap archive from tilemaker's output. No JavaScript library writes PMTiles (the
// `pmtiles` npm package only reads; the official writer is the Go `pmtiles` CLI) and Debian bookworm's
// tilemaker 2.2 writes only .mbtiles, so the wall carries this small converter (pmtiles-writer.ts).
import path from 'node:path'
import { convertMbtilesToPmtiles } from './mbtiles-archive'

const [input, output] = process.argv.slice(2)
if (!input || !output || !output.endsWith('.pmtiles')) {
  console.error('usage: npm run basemap:pmtiles -- <in.mbtiles> <out.pmtiles>')
  process.exit(2)
}
try {
  const started = Date.now()
  const s = convertMbtilesToPmtiles(path.resolve(input), path.resolve(output))
  console.log(`${output}: ${s.addressedTiles} tiles (${s.tileContents} distinct, ${s.tileEntries} entries, ${s.leafDirectories} leaf directories), ${(s.bytes / 1048576).toFixed(1)} MiB in ${((Date.now() - started) / 1000).toFixed(1)} s`)
} catch (error) {
  console.error(`basemap:pmtiles: ${(error as Error).message}`)
  process.exit(1)
}

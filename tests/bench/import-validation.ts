// `npx tsx tests/bench/import-validation.ts [--baseline <rev>] [--streets 4] [--communities 6] [--grids 10] [--per-edge 10] [--teeth 32000]`:
// the areas import's validation before and after it moved off the event loop, side by side, on
// generated files: a city (default 14,400 grids of 40 vertices, ~14 MB), fewer grids with detailed
// boundaries (4,096 grids of 160 vertices, ~14 MB) and a zigzag ring that a sort by x cannot help with. "before" is the validation of `--baseline` (default 5926cf0, the
// last commit with the old x-sorted sweep and turf's point-in-polygon), extracted with git archive
// and run as it ran then: JSON.parse and validation on the event loop. "after" is this tree's, in
// process (what `npm run import` does) and through the worker (what POST /api/import/areas does),
// with the longest the event loop was blocked meanwhile. Prints one JSON document.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { validateAreaGeoJson } from '../../server/import/validate-areas'
import { validateAreasOffLoop } from '../../server/import/validate-off-loop'
import { largeAreasFile, zigzagRing } from '../server/helpers/large-areas-file'

type Validate = typeof validateAreaGeoJson

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const count = (name: string, fallback: number) => {
  const n = Number(option(name, String(fallback)))
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number`)
  return n
}

/** The baseline's validateAreaGeoJson, from its own copy of server/ (with this tree's node_modules). */
async function baselineValidate(rev: string): Promise<Validate> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-baseline-'))
  const archive = execFileSync('git', ['archive', rev, 'server'], { maxBuffer: 1 << 30 })
  execFileSync('tar', ['-x', '-C', dir], { input: archive })
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'))
  const module = await import(path.join(dir, 'server/import/validate-areas.ts')) as { validateAreaGeoJson: Validate }
  return module.validateAreaGeoJson
}

/** The better of `runs` runs, by wall time, with the CPU time this process used meanwhile (the machine may be shared). */
function timed<T>(work: () => T, runs = 2): { ms: number; cpuMs: number; value: T } {
  let best: { ms: number; cpuMs: number; value: T } | undefined
  for (let r = 0; r < runs; r++) {
    const cpu = process.cpuUsage()
    const started = performance.now()
    const value = work()
    const ms = Math.round(performance.now() - started)
    const used = process.cpuUsage(cpu)
    if (!best || ms < best.ms) best = { ms, cpuMs: Math.round((used.user + used.system) / 1000), value }
  }
  return best!
}

async function measure(name: string, text: string, before: Validate) {
  const positions = (text.match(/\],\[/g)?.length ?? 0)
  // Before: the JSON body parser and the validation, both on the event loop.
  const parse = timed(() => JSON.parse(text) as unknown)
  const old = timed(() => before(parse.value))
  // After, in process (the CLI; parsing is timed above).
  const cli = timed(() => validateAreaGeoJson(parse.value))
  // After, over the worker, watching the event loop.
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  const started = performance.now()
  const worker = await validateAreasOffLoop(Buffer.from(text), {})
  const workerMs = Math.round(performance.now() - started)
  histogram.disable()
  const outcome = (errors: unknown[] | undefined) => (errors ? `${errors.length} problems` : 'valid')
  return {
    file: name, megabytes: Math.round(text.length / 1e5) / 10, approxPositions: positions,
    before: { parseMs: parse.ms, validateMs: old.ms, validateCpuMs: old.cpuMs, eventLoopBlockedMs: parse.ms + old.ms, outcome: outcome(old.value.errors) },
    after: {
      inProcessMs: cli.ms, inProcessCpuMs: cli.cpuMs, outcome: outcome(cli.value.errors),
      worker: { totalMs: workerMs, kind: worker.kind, eventLoopMaxDelayMs: Math.round(histogram.max / 1e6) },
    },
    sameResult: JSON.stringify(old.value) === JSON.stringify(cli.value),
  }
}

const rev = option('--baseline', '5926cf0')
const shape = { streets: count('--streets', 4), communities: count('--communities', 6), grids: count('--grids', 10), perEdge: count('--per-edge', 10) }
const before = await baselineValidate(rev)
const city = JSON.stringify(largeAreasFile(shape))
// Fewer grids with detailed boundaries: communities of 1,280 vertices, each walked per grid vertex before.
const detailed = { streets: 4, communities: 4, grids: 8, perEdge: 40 }
const zigzag = JSON.stringify([{ type: 'Feature', properties: { code: '350111', name: '锯齿', level: 'district', parentCode: null }, geometry: { type: 'Polygon', coordinates: [zigzagRing(count('--teeth', 32_000))] } }])
const results = [
  await measure(`city ${JSON.stringify(shape)}`, city, before),
  await measure(`detailed boundaries ${JSON.stringify(detailed)}`, JSON.stringify(largeAreasFile(detailed)), before),
  await measure('zigzag ring', zigzag, before),
]
console.log(JSON.stringify({ baseline: rev, node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), results }, null, 2))

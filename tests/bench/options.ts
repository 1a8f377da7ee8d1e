// The two sizes of the benchmark and the command line that picks one (`npm run bench -- --smoke`).
// Durations can be overridden (`--soak-s 300`) to trade run time against steadier figures.

export interface BenchPlan {
  name: 'city' | 'smoke'
  /** Grid lattice: columns × rows of square cells of `cellDeg` degrees. */
  gridCols: number
  gridRows: number
  cellDeg: number
  /** [west, south] of the lattice. */
  origin: [number, number]
  inspectors: number
  cases: number
  clients: number
  /** Each inspector reports every 5–10 s. */
  reportEveryS: [number, number]
  /** New Open311 reports and workflow actions per second during the steady state. */
  caseEventsPerS: number
  /** Batch API burst: requests of 10,000 positions. */
  burstRequests: number
  /** OsmAnd single-fix requests, and how many are in flight at once. */
  osmandRequests: number
  osmandConcurrency: number
  /** Fan-out: seconds of steady state before probing, then seconds of probing. */
  fanoutWarmupS: number
  fanoutProbeS: number
  /** Browser: seconds from first picture to the warm-up heap sample, then the soak. */
  pageWarmupS: number
  pageSoakS: number
  /** First pictures (issue #11): runs of today's way and the new way (cold, then warm), alternating. */
  firstPictureRuns: number
  tickMs: number
  /** The built wall the server serves (CLIENT_DIR); default dist/. */
  wallDist: string
}

const CITY: BenchPlan = {
  name: 'city',
  // pageWarmupS: the city snapshot carries no trails (above 2,000 inspectors); the wall grows them from
  // live frames, 30 points at one fix per 5–10 s, so its heap grows by design for ~300 s before it is steady.
  gridCols: 150, gridRows: 100, cellDeg: 0.002, origin: [119.2, 25.95],
  inspectors: 20_000, cases: 10_000, clients: 200, reportEveryS: [5, 10], caseEventsPerS: 3,
  burstRequests: 20, osmandRequests: 20_000, osmandConcurrency: 32,
  fanoutWarmupS: 15, fanoutProbeS: 60, pageWarmupS: 300, pageSoakS: 150, firstPictureRuns: 3, tickMs: 1000, wallDist: 'dist',
}

const SMOKE: BenchPlan = {
  name: 'smoke',
  gridCols: 25, gridRows: 20, cellDeg: 0.002, origin: [119.327, 26.054],
  inspectors: 1_000, cases: 500, clients: 20, reportEveryS: [5, 10], caseEventsPerS: 1,
  burstRequests: 3, osmandRequests: 1_000, osmandConcurrency: 32,
  fanoutWarmupS: 3, fanoutProbeS: 10, pageWarmupS: 5, pageSoakS: 12, firstPictureRuns: 1, tickMs: 1000, wallDist: 'dist',
}

const OVERRIDES: Record<string, keyof BenchPlan> = {
  '--tick-ms': 'tickMs', '--clients': 'clients', '--fanout-s': 'fanoutProbeS', '--warmup-s': 'pageWarmupS', '--soak-s': 'pageSoakS', '--first-picture-runs': 'firstPictureRuns',
}

export function parseOptions(argv: readonly string[]): BenchPlan {
  const size = { ...(argv.includes('--smoke') ? SMOKE : CITY) }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--wall-dist') size.wallDist = argv[++i]
    const key = OVERRIDES[argv[i]]
    if (!key) continue
    const value = Number(argv[++i])
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${argv[i - 1]} needs a positive number`)
    Object.assign(size, { [key]: value })
  }
  return size
}

export const gridCount = (size: BenchPlan) => size.gridCols * size.gridRows

// The first-picture scenario alone (issue #11), for working on it without the 35-minute bench:
// the bench's city (scenario.ts: 15,000 grids, 20,000 inspectors registered through the batch API,
// 10,000 open cases as Open311 reports), one server per build of the wall (`--dist a,b,…`, each
// seeded alike), and measureFirstPictures (first-picture.ts) on each, builds alternating run by run
// so a busy spell of the shared machine slows all alike. `--profile <dir>` writes a Chromium CPU
// profile of each build's cold new-way picture (open it in DevTools or read it with
// `--summarise`). `--load` runs the bench's steady load meanwhile, as `npm run bench` does.
//   npx tsx tests/bench/first-picture-city.ts --dist /tmp/dist-a,/tmp/dist-b --runs 3 [--smoke] [--load] [--profile /tmp/prof]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_PATH } from '../helpers/launch-chromium'
import { spawnBenchChild } from './child-process'
import { measureFirstPictures, type FirstPictures } from './first-picture'
import { createHttpClient } from './http-client'
import type { LoadConfig } from './load-generator'
import { parseOptions } from './options'
import { districtCentre, inspectorHomes, writeAreasFile } from './scenario'
import { startServerChild, type ServerChild } from './server-child'
import { postCases, registerInspectors } from './setup-data'

const KEY = 'bench-integration-key'
const ENROLMENT_KEY = 'bench-enrolment-key'
const OPERATORS = { supervision: 'bench-sup', dispatch: 'bench-dis', department: 'bench-dep' }
const WALL_LAYERS = ['grids-fill', 'inspectors-circle', 'cases-circle']
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--enable-precise-memory-info']

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null)
const log = (m: string) => console.error(`[first-picture ${new Date().toISOString().slice(11, 19)}] ${m}`)

async function seededServer(plan: ReturnType<typeof parseOptions>, dist: string) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-first-picture-'))
  const dataDir = path.join(workDir, 'data')
  fs.mkdirSync(dataDir)
  writeAreasFile(plan, dataDir)
  const server = await startServerChild({
    DATA_DIR: dataDir, CLIENT_DIR: dist, SIMULATOR: 'off', INGEST_REGISTER_UNKNOWN: 'true', INGEST_ENROLMENT_KEY: ENROLMENT_KEY,
    INGEST_REGISTER_MAX: String(plan.inspectors + 1), INTEGRATION_KEYS: KEY, TICK_MS: String(plan.tickMs),
    OPERATOR_TOKENS: Object.entries(OPERATORS).map(([role, token]) => `${token}:${role}:基准${role}`).join(','),
  })
  const http = createHttpClient(server.url)
  const [, lat] = districtCentre(plan)
  await registerInspectors(http, KEY, ENROLMENT_KEY, inspectorHomes(plan), [inspectorHomes(plan)[0][0], lat], Date.now() - 900_000)
  const cases = await postCases(http, KEY, plan, plan.cases)
  http.close()
  return { server, dist, caseIds: cases.ids }
}

async function main() {
  const plan = parseOptions(process.argv.slice(2).filter((a) => a === '--smoke'))
  const dists = (arg('--dist') ?? 'dist').split(',').map((d) => path.resolve(d))
  const runs = Number(arg('--runs') ?? 3)
  const profileDir = arg('--profile')
  // `--probe <file.js>`: its `init` runs before the page's scripts, `window.__probe` is kept after each picture.
  const probeFile = arg('--probe')
  const probe = probeFile ? { initScript: fs.readFileSync(probeFile, 'utf8'), collect: 'JSON.stringify(window.__probe ?? null)' } : undefined
  log(`${plan.name}: ${plan.inspectors} inspectors, ${plan.cases} cases; builds ${dists.join(', ')}`)
  const servers: { server: ServerChild; dist: string; caseIds: string[] }[] = []
  for (const dist of dists) servers.push(await seededServer(plan, dist))
  const generators = process.argv.includes('--load')
    ? servers.map(({ server, caseIds }) => {
      const g = spawnBenchChild('tests/bench/load-generator.ts')
      g.send({ type: 'start', config: { url: server.url, key: KEY, size: plan, caseIds, operators: OPERATORS } satisfies LoadConfig })
      return g
    })
    : []
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const results: Record<string, FirstPictures[]> = Object.fromEntries(dists.map((d) => [d, []]))
  try {
    for (let i = 0; i < runs; i++) {
      for (const { server, dist } of servers) {
        const profile = profileDir && i === 0 ? path.join(profileDir, `${path.basename(dist)}.cpuprofile`) : undefined
        results[dist].push(await measureFirstPictures(browser, { serverUrl: server.url, layers: WALL_LAYERS, runs: 1, profile, probe }, (m) => log(`${path.basename(dist)}: ${m}`)))
      }
    }
  } finally {
    await browser.close()
    for (const g of generators) g.kill()
    await Promise.all(servers.map(({ server }) => server.stop()))
  }
  const median = (xs: (number | null)[]) => {
    const s = xs.filter((x): x is number => x != null).sort((a, b) => a - b)
    return s.length ? s[Math.floor((s.length - 1) / 2)] : null
  }
  const summary = Object.fromEntries(dists.map((d) => {
    const rs = results[d]
    const pick = (k: 'todaysWay' | 'newWayCold' | 'newWayWarm') => rs.map((r) => r[k].median!)
    return [path.basename(d), Object.fromEntries((['todaysWay', 'newWayCold', 'newWayWarm'] as const).map((k) => [k, {
      picturesS: pick(k).map((p) => p.pictureS), medianS: median(pick(k).map((p) => p.pictureS)),
      medianSplit: {
        snapshotReceivedMs: median(pick(k).map((p) => p.marksMs['wall:snapshot-received'])),
        snapshotAppliedMs: median(pick(k).map((p) => p.marksMs['wall:snapshot-applied'])),
        gridsDrawnMs: median(pick(k).map((p) => p.marksMs['wall:grids-drawn'])),
        decodeApplyMs: median(pick(k).map((p) => p.parse.snapshotDecodeApplyMs)),
        pageEndMs: median(pick(k).map((p) => p.download.page.endMs)),
        gridsEndMs: median(pick(k).map((p) => p.download.grids.endMs)),
        gridRequests: median(pick(k).map((p) => p.download.grids.requests)),
        totalKB: median(pick(k).map((p) => p.download.totalKB)),
        drawMs: median(pick(k).map((p) => p.draw.ms)),
      },
    }]))]
  }))
  const out = { plan: plan.name, runs, summary, results }
  const outFile = arg('--out')
  if (outFile) fs.writeFileSync(outFile, JSON.stringify(out, null, 2))
  console.log(JSON.stringify(summary, null, 2))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

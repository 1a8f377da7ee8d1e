// `npx tsx tests/bench/retention.ts [--rows 1000000] [--rows-per-day 115000000]`: what pruning a day
// of position history costs, the way the store does it now (drop the day's table) beside the way it
// did before (DELETE … LIMIT 50,000 from one table with an index on `at`, one slice every 10 min).
// A city day (~115 M down-sampled rows: 20,000 inspectors, a row every 15 s) does not fit a quick
// run, so both are measured on `--rows` rows shaped like the city's and extrapolated linearly
// (DROP frees every page of the table, DELETE works row by row: both scale with the rows).
// Prints one JSON document; the figures are this machine's, on its disk.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DAY_MS } from '../../server/domain/china-time'
import { openSqliteStore } from '../../server/store/sqlite-store'
import type { StoredFix } from '../../server/store/wall-store'
import { MB, round, summarise } from './stats'

const INSPECTORS = 20_000
const ROW_EVERY_MS = 15_000
const OLD_SLICE = 50_000
const OLD_SLICES_PER_DAY = 6 * 24
const CHUNK = 10_000
const DAY = Date.parse('2026-12-02T00:00:00+08:00')

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name)
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`)
  return value
}

/** The city's rows in time order: every inspector once per 15 s, walking near home. */
function* cityRows(rows: number): Generator<StoredFix[]> {
  let chunk: StoredFix[] = []
  for (let i = 0; i < rows; i++) {
    const inspectorId = 1 + (i % INSPECTORS)
    const at = DAY + Math.floor(i / INSPECTORS) * ROW_EVERY_MS + (inspectorId % 1000) * 10
    chunk.push({ inspectorId, at, lng: 119.2 + (inspectorId % 150) * 0.002 + Math.random() * 0.001, lat: 25.95 + Math.floor(inspectorId / 150) * 0.002, heading: Math.round(Math.random() * 360), speed: 1.2, accuracy: 5 + (i % 10), battery: 0.5 + Math.random() * 0.5 })
    if (chunk.length === CHUNK) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length > 0) yield chunk
}

function databaseBytes(file: string): number {
  const db = new Database(file, { readonly: true })
  try {
    return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)
  } finally {
    db.close()
  }
}

/** The database file and its write-ahead log. */
const fileMB = (file: string) => round(['', '-wal'].reduce((n, s) => n + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0) / MB, 1)

/** Now: the store as the server runs it; one day's rows, then pruneFixes drops that day. */
async function measureDrop(dir: string, rows: number) {
  const file = path.join(dir, `days-${rows}.db`)
  const store = openSqliteStore(file)
  let started = performance.now()
  for (const chunk of cityRows(rows)) store.appendFixes(chunk)
  const fillS = (performance.now() - started) / 1000
  const sizeMB = fileMB(file)
  const bytes = databaseBytes(file)
  started = performance.now()
  const days = (await store.pruneFixes(DAY + DAY_MS))
  const dropMs = performance.now() - started
  store.close()
  const db = new Database(file, { readonly: true })
  const freePages = db.pragma('freelist_count', { simple: true }) as number
  const pageCount = db.pragma('page_count', { simple: true }) as number
  db.close()
  if (days !== 1) throw new Error(`pruneFixes dropped ${days} days, expected 1`)
  return { rows, fileMB: sizeMB, bytesPerRow: round(bytes / rows, 0), fillS: round(fillS, 1), dropMs: round(dropMs, 1), pagesFreedForReuse: `${freePages} of ${pageCount}` }
}

/** Before: one positions table with an index on `at`, pruned by the old statement. */
function measureDelete(dir: string, rows: number, slices: number) {
  const file = path.join(dir, 'single-table.db')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(`CREATE TABLE positions (inspector_id INTEGER NOT NULL, at INTEGER NOT NULL,
      lng REAL NOT NULL, lat REAL NOT NULL, heading REAL, speed REAL, accuracy REAL, battery REAL, attributes TEXT,
      PRIMARY KEY (inspector_id, at)) WITHOUT ROWID;
    CREATE INDEX positions_at ON positions (at);`)
  const insert = db.prepare('INSERT OR IGNORE INTO positions VALUES (@inspectorId, @at, @lng, @lat, @heading, @speed, @accuracy, @battery, NULL)')
  const fill = db.transaction((chunk: StoredFix[]) => { for (const f of chunk) insert.run(f) })
  for (const chunk of cityRows(rows)) fill(chunk)
  const slice = db.prepare(`DELETE FROM positions WHERE (inspector_id, at) IN
    (SELECT inspector_id, at FROM positions WHERE at < ? LIMIT ?)`)
  const sliceMs: number[] = []
  let deleted = 0
  for (let i = 0; i < slices; i++) {
    const started = performance.now()
    deleted += slice.run(DAY + DAY_MS, OLD_SLICE).changes
    sliceMs.push(performance.now() - started)
  }
  db.close()
  const perSlice = summarise(sliceMs)
  return { rows, deleted, sliceRows: OLD_SLICE, sliceMs: perSlice, rowsPerSecondWhileDeleting: round((deleted / sliceMs.reduce((a, b) => a + b, 0)) * 1000, 0) }
}

async function main() {
  const rows = option('--rows', 1_000_000)
  const rowsPerDay = option('--rows-per-day', (INSPECTORS * DAY_MS) / ROW_EVERY_MS)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-retention-'))
  try {
    console.error(`[retention] ${rows} rows per layout in ${dir}`)
    const quarter = await measureDrop(dir, Math.round(rows / 4))
    const full = await measureDrop(dir, rows)
    const old = measureDelete(dir, rows, Math.min(10, Math.floor(rows / OLD_SLICE)))
    const dropMsPerMillion = full.dropMs! / (rows / 1e6)
    const deleteS = rowsPerDay / old.rowsPerSecondWhileDeleting!
    process.stdout.write(`${JSON.stringify({
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, tmpdir: os.tmpdir() },
      scaling: `measured on ${rows} rows (and ${quarter.rows} for the drop) shaped like the city's (${INSPECTORS} inspectors, a row every ${ROW_EVERY_MS / 1000} s); a city day is ${rowsPerDay} rows, extrapolated linearly`,
      cityDayRows: rowsPerDay,
      now: {
        how: 'one table per CST day; the retention timer drops every day that has aged out (pruneFixes), each in its own transaction',
        dropOneDay: [quarter, full],
        dropMsPerMillionRows: round(dropMsPerMillion, 1),
        cityDayDropS: round((dropMsPerMillion * rowsPerDay) / 1e6 / 1000, 1),
        cityDayGB: round((full.bytesPerRow! * rowsPerDay) / 1024 ** 3, 1),
        note: 'measured with the table in the OS page cache; DROP reads every page of the table to free it, so a cold city day also costs one read of its size, and it holds the event loop and the write lock meanwhile',
        prunedPerDay: 'every row that aged out (a whole day per drop), whatever the day held',
      },
      before: {
        how: `DELETE … LIMIT ${OLD_SLICE} from one positions table (index on at), one slice every 10 min`,
        delete: old,
        prunedPerDayAtItsCadence: OLD_SLICE * OLD_SLICES_PER_DAY,
        cityDayBacklogPerDay: rowsPerDay - OLD_SLICE * OLD_SLICES_PER_DAY,
        cityDayDeleteS: round(deleteS, 0),
        note: 'rate measured on a table that fits the page cache; on a city-size table DELETE is slower still',
        daysOfPruningPerCityDay: round(rowsPerDay / (OLD_SLICE * OLD_SLICES_PER_DAY), 1),
      },
      dropVsDelete: round((deleteS * 1000) / (dropMsPerMillion * rowsPerDay / 1e6), 0),
    }, null, 2)}\n`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await main()

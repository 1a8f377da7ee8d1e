// What `npm run import` does, apart from the process around it: read the file, validate it whole,
// and only then write it to the store in one transaction. The store is opened lazily so that a
// rejected file never creates or migrates a database.
import fs from 'node:fs'
import { areasFileFor, loadAreaFeatures } from '../areas/load-areas'
import type { AreaProfile } from '../contract/domain'
import type { AreaFeature } from '../domain/area-tree'
import type { WallStore } from '../store/wall-store'
import type { ImportCommand } from './cli-args'
import { formatImportError, type ImportError } from './import-errors'
import { areasSummary, statisticsSummary } from './import-summary'
import { readAreaStatisticsCsv } from './read-area-csv'
import { parseJsonText } from './read-geojson'
import { validateAreaGeoJson } from './validate-areas'

export interface ImportDeps {
  dataDir: string
  /** Whether a store already exists (statistics are checked against its areas). */
  storeExists(): boolean
  openStore(): WallStore
}

export interface ImportOutcome {
  ok: boolean
  /** The summary (and any warnings) on success; every problem otherwise. */
  lines: string[]
}

export function runImport(command: ImportCommand, deps: ImportDeps): ImportOutcome {
  let text: string
  try {
    text = fs.readFileSync(command.file, 'utf8')
  } catch (e) {
    return { ok: false, lines: [`cannot read ${command.file}: ${(e as Error).message}`] }
  }
  return command.kind === 'grids' ? importAreas(text, command, deps) : importStatistics(text, deps)
}

function importAreas(text: string, command: Extract<ImportCommand, { kind: 'grids' }>, deps: ImportDeps): ImportOutcome {
  const json = parseJsonText(text)
  if (json.error) return rejected([json.error])
  const result = validateAreaGeoJson(json.value, { crs: command.crs, mapping: command.mapping })
  if (result.errors) return rejected(result.errors)
  withStore(deps, (store) => store.replaceAreas(result.features, profilesStillIn(store.loadProfiles(), result.features)))
  return { ok: true, lines: [areasSummary(result.features), ...result.warnings.map((w) => `warning: ${formatImportError(w)}`)] }
}

function importStatistics(text: string, deps: ImportDeps): ImportOutcome {
  // The codes are those the server shows: the stored hierarchy, or the file it would seed it from.
  const stored = deps.storeExists() ? withStore(deps, (s) => ({ areas: s.loadAreas(), profiles: s.loadProfiles() })) : null
  const features = stored?.areas ?? loadAreaFeatures(areasFileFor(deps.dataDir))
  const knownCodes = new Set(features.map((f) => f.properties.code))
  const result = readAreaStatisticsCsv(text, { knownCodes, current: stored?.profiles })
  if (result.errors) return rejected(result.errors)
  withStore(deps, (store) => store.saveProfiles(result.profiles))
  return { ok: true, lines: [statisticsSummary(result.profiles, result.columns)] }
}

function withStore<T>(deps: ImportDeps, work: (store: WallStore) => T): T {
  const store = deps.openStore()
  try {
    return work(store)
  } finally {
    store.close()
  }
}

/** The statistics of areas that are still in the new hierarchy (the others would be orphans). */
function profilesStillIn(profiles: Map<string, AreaProfile>, features: readonly AreaFeature[]): Map<string, AreaProfile> {
  const codes = new Set(features.map((f) => f.properties.code))
  return new Map([...profiles].filter(([code]) => codes.has(code)))
}

function rejected(errors: readonly ImportError[]): ImportOutcome {
  const count = `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}`
  return { ok: false, lines: [...errors.map(formatImportError), `not imported: ${count}; nothing was written`] }
}

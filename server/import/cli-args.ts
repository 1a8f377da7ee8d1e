// The command line of `npm run import`: what to import, from which file, and how to read it.
import type { Crs } from './gcj02'
import { parseCrs } from './gcj02'
import { parseMappingArg, type MappingOption } from './property-mapping'

export const USAGE = `usage:
  npm run import -- grids FILE [--crs wgs84|gcj02] [--map code=adcode,name=name,level=level,parentCode=parent]
  npm run import -- stats FILE
grids: a GeoJSON FeatureCollection (or DataV-style array) of the whole hierarchy district → street → community → grid;
       it replaces the stored hierarchy. --map names the properties to read (several: code=adcode|gridCode).
stats: a CSV with a header row: code plus any of residents, households, partyMembers, partyBranches, gridWorkers,
       volunteers, elders, servicePoints (or 常住人口, 户数, 党员, 党组织, 网格员, 志愿者, 60岁以上老人, 党群服务站).
The store is DATA_DIR/wall.db (DATA_DIR defaults to ./data). Nothing is written unless the whole file is valid.`

export type ImportCommand =
  | { kind: 'grids'; file: string; crs: Crs; mapping: MappingOption }
  | { kind: 'stats'; file: string }

export function parseImportArgs(argv: readonly string[]): { command: ImportCommand; error?: undefined } | { error: string } {
  const [kind, file, ...rest] = argv
  if (kind === 'stats' && file && rest.length === 0) return { command: { kind: 'stats', file } }
  if ((kind !== 'grids' && kind !== 'areas') || !file) return { error: USAGE }
  const options = readOptions(rest)
  if ('error' in options) return options
  return { command: { kind: 'grids', file, ...options } }
}

function readOptions(args: readonly string[]): { crs: Crs; mapping: MappingOption } | { error: string } {
  let crs: Crs = 'WGS84'
  let mapping: MappingOption = {}
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    const [flag, inline] = arg.split(/=(.*)/s)
    const value = inline ?? args[++i]
    if (flag === '--crs') {
      if (!parseCrs(value)) return { error: `--crs must be wgs84 or gcj02, got ${value}` }
      crs = parseCrs(value)!
    } else if (flag === '--map' && value) {
      const parsed = parseMappingArg(value)
      if (parsed.error != null) return { error: parsed.error }
      mapping = parsed.mapping
    } else return { error: `unknown or incomplete option ${arg}\n${USAGE}` }
  }
  return { crs, mapping }
}

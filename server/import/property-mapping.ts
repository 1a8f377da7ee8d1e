// Which feature properties hold an area's code, name, level and parent. Files from different
// sources name them differently (DataV: `adcode` and `parent: { adcode }`; grid systems often
// `gridCode`), so each field has a list of property names and the first one present wins.
import type { AreaLevel } from '../contract/domain'
import { ACCEPTED_LEVELS, levelOf } from './area-levels'
import type { Report } from './import-errors'
import { isObject } from './read-geojson'

export type AreaField = 'code' | 'name' | 'level' | 'parentCode'
export type PropertyMapping = Record<AreaField, readonly string[]>
/** What a caller may override: one property name or several, per field. */
export type MappingOption = Partial<Record<AreaField, string | readonly string[]>>

export const DEFAULT_MAPPING: PropertyMapping = {
  code: ['code', 'adcode', 'gridCode'],
  name: ['name'],
  level: ['level'],
  parentCode: ['parentCode', 'parent'],
}

export interface MappedProperties {
  code?: string
  name?: string
  level?: AreaLevel
  /** null for the root; undefined when the property could not be read (already reported). */
  parentCode: string | null | undefined
  /** Every other property, kept as it is (e.g. the demo's buildingCount). */
  extra: Record<string, unknown>
}

export function resolveMapping(option: MappingOption = {}): PropertyMapping {
  const mapping = { ...DEFAULT_MAPPING }
  for (const field of Object.keys(DEFAULT_MAPPING) as AreaField[]) {
    const keys = option[field]
    if (keys != null) mapping[field] = typeof keys === 'string' ? [keys] : keys
  }
  return mapping
}

/** `code=adcode,name=NAME_CN,parentCode=pcode|parent` (the CLI's --map and the API's ?map=). */
export function parseMappingArg(arg: string): { mapping: MappingOption; error?: undefined } | { error: string } {
  const mapping: MappingOption = {}
  for (const pair of arg.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [field, keys] = pair.split('=').map((s) => s.trim())
    if (!(field in DEFAULT_MAPPING) || !keys) {
      return { error: `map entries are field=property, field one of ${Object.keys(DEFAULT_MAPPING).join(', ')}; got "${pair}"` }
    }
    mapping[field as AreaField] = keys.split('|').map((k) => k.trim())
  }
  return { mapping }
}

export function readAreaProperties(properties: unknown, mapping: PropertyMapping, report: Report): MappedProperties {
  const props = isObject(properties) ? properties : {}
  const used = new Set(Object.values(mapping).flat())
  const extra = Object.fromEntries(Object.entries(props).filter(([key]) => !used.has(key)))
  return {
    code: required(props, mapping.code, 'code', report, codeOf),
    name: required(props, mapping.name, 'name', report, nameOf),
    level: required(props, mapping.level, 'level', report, levelValue),
    parentCode: parentOf(props, mapping.parentCode, report),
    extra,
  }
}

type Read<T> = { value: T; problem?: undefined } | { problem: string }

function required<T>(props: Record<string, unknown>, keys: readonly string[], field: AreaField, report: Report,
  read: (value: unknown) => Read<T>): T | undefined {
  const key = keys.find((k) => props[k] != null && props[k] !== '')
  if (key == null) {
    report(`${field} is missing (looked for ${keys.map((k) => `properties.${k}`).join(', ')})`, field)
    return undefined
  }
  const result = read(props[key])
  if (result.problem == null) return result.value
  report(`properties.${key} ${result.problem}`, field)
  return undefined
}

/** Codes are strings; DataV writes adcodes as numbers, so whole numbers are accepted too. */
function codeOf(value: unknown): Read<string> {
  if (typeof value === 'string' && value.trim() !== '') return { value: value.trim() }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return { value: String(value) }
  return { problem: `must be a string or a whole number, got ${JSON.stringify(value)}` }
}

function nameOf(value: unknown): Read<string> {
  if (typeof value === 'string' && value.trim() !== '') return { value: value.trim() }
  return { problem: `must be a non-empty string, got ${JSON.stringify(value)}` }
}

function levelValue(value: unknown): Read<AreaLevel> {
  const level = typeof value === 'string' ? levelOf(value) : undefined
  return level ? { value: level } : { problem: `must be ${ACCEPTED_LEVELS}, got ${JSON.stringify(value)}` }
}

/** null for the root; DataV's `parent: { adcode }` object is read as its adcode. */
function parentOf(props: Record<string, unknown>, keys: readonly string[], report: Report): string | null | undefined {
  const key = keys.find((k) => props[k] != null && props[k] !== '')
  if (key == null) return null
  const raw = props[key]
  const result = codeOf(isObject(raw) ? (raw.adcode ?? raw.code) : raw)
  if (result.problem == null) return result.value
  report(`properties.${key} must be a parent code (or DataV's { adcode }), got ${JSON.stringify(raw)}`, 'parentCode')
  return undefined
}

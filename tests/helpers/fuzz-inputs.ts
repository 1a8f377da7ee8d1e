// Generators of bad input for the entry-point property tests (fast-check). Most start from a valid
// request and spoil one thing, so the validators behind the parsers are reached; the rest are
// wholly wrong: arbitrary JSON, broken JSON text, the wrong content type, invalid percent-encoding.
import fc from 'fast-check'

/** Values that look like numbers, times or ids but are not what a field expects. */
const TRICKY_TEXT = [
  '', ' ', 'NaN', 'nan', 'Infinity', '-Infinity', 'undefined', 'null', 'true', 'false', '-1', '0', '-0', '00', '1e309', '-1e309',
  '1e-400', '9007199254740993', '99999999999999999999', '2100000000', '-2100000000', '0x1f', '0b11', '1_000', '1,5', ' 12 ',
  '12abc', '+5', '.', '-', '１２', '٣', '1e3', '26.07.1', '[]', '{}', '%', '\u0000', '\uFEFF', '\uD800', '\uDFFF', '👮‍♀️', '网格',
  '<script>alert(1)</script>', "'; DROP TABLE cases; --", '../../etc/passwd', '__proto__', 'constructor', 'toString',
  'hasOwnProperty', '2026-13-45T25:61:61Z', '2026-02-30', '0000-00-00 00:00:00', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z',
  '1970-01-01T00:00:00Z', 'T', '2026-11-25T09:40:00+99:00', '\r\n', '\t', 'a\nb', '‮override', '🀄️'.repeat(30),
]

export const trickyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
)

/** Long text: keep `max` under ~5,000 for URLs (Node refuses request heads over 16 KB, before any route). */
export const longText = (min: number, max: number): fc.Arbitrary<string> => fc.oneof(
  fc.integer({ min, max }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: Math.ceil(min / 9), max: Math.ceil(max / 9) }).map((n) => '网'.repeat(n)),
)

/** A JSON literal written as given (1e400 parses as Infinity, big integers lose precision). */
export class RawJson {
  constructor(readonly text: string) {}
}

const RAW_NUMBERS = ['1e400', '-1e400', '1e-400', '123456789012345678901234567890', '-0', '0.1e1', '1E+2']

/** Wrong in type or value wherever a JSON field is expected. */
export const badJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: trickyText },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[]], { '': null }, JSON.parse('{"__proto__":{"polluted":1}}') as unknown, 0, -1, 1e308, -1e308, Number.MIN_VALUE, 2 ** 53 + 2) },
  { weight: 1, arbitrary: fc.double().filter(Number.isFinite) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_NUMBERS).map((t) => new RawJson(t)) },
  { weight: 1, arbitrary: fc.array(trickyText, { maxLength: 3 }) },
)

/** JSON.stringify, with RawJson literals written as they are. */
export function toJsonText(value: unknown): string {
  const raws: string[] = []
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (!(v instanceof RawJson)) return v
    raws.push(v.text)
    return `\u0001raw${raws.length - 1}\u0001`
  }) ?? 'null'
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)])
}

export type JsonPath = (string | number)[]

function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const here = prefix.length > 0 ? [prefix] : []
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))]
  if (value != null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))]
  return here
}

const clone = <T>(value: T): T => structuredClone(value)

function parentOf(root: unknown, path: JsonPath): Record<string | number, unknown> {
  return path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string | number, unknown>
}

export type JsonMutationKind = 'replace' | 'delete' | 'stringify' | 'wrap' | 'duplicate' | 'add'

/** What to spoil in a JSON document, independent of the document: applied by applyJsonMutation. */
export interface JsonMutation {
  /** Which of the document's paths (modulo their number). */
  pick: number
  how: JsonMutationKind
  bad: unknown
  key: string
}

export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.record({
  pick: fc.nat(),
  how: fc.constantFrom<JsonMutationKind>('replace', 'replace', 'replace', 'delete', 'stringify', 'wrap', 'duplicate', 'add'),
  bad: badJsonValue,
  key: fc.constantFrom('__proto__', 'constructor', 'extra', '', '网格', 'toString', 'a[b]'),
})

/**
 * One field of a valid JSON document spoiled: replaced by a bad value, deleted, turned into a
 * string, wrapped in an array, a sibling item duplicated, or an unexpected key added. `only` limits
 * the mutation to paths under the given prefixes (the fields a validator reads).
 */
export function applyJsonMutation<T>(valid: T, { pick, how, bad, key }: JsonMutation, only?: JsonPath[]): unknown {
  const all = pathsOf(valid)
  const paths = only ? all.filter((p) => only.some((o) => o.every((k, i) => p[i] === k))) : all
  if (paths.length === 0) return bad
  const path = paths[pick % paths.length]
  const doc = clone(valid) as unknown
  const parent = parentOf(doc, path)
  const last = path[path.length - 1]
  switch (how) {
    case 'replace': parent[last] = bad; break
    case 'delete': if (Array.isArray(parent)) parent.splice(last as number, 1); else delete parent[last]; break
    case 'stringify': parent[last] = JSON.stringify(parent[last]); break
    case 'wrap': parent[last] = [parent[last]]; break
    case 'duplicate': if (Array.isArray(parent)) parent.push(clone(parent[last])); else parent[last] = [parent[last], parent[last]]; break
    case 'add': {
      const target = parent[last] != null && typeof parent[last] === 'object' ? parent[last] as Record<string, unknown> : parent
      // defineProperty: a plain assignment to __proto__ would change the prototype, not add a key.
      Object.defineProperty(target, key, { value: bad, enumerable: true, writable: true, configurable: true })
      break
    }
  }
  return doc
}

/** A valid document with one field spoiled (see applyJsonMutation). */
export function mutateJson<T>(valid: T, only?: JsonPath[]): fc.Arbitrary<unknown> {
  return jsonMutation.map((m) => applyJsonMutation(valid, m, only))
}

/** JSON text that does not parse (or parses into something odd): cut, corrupted, or not JSON at all. */
export function brokenJsonText(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: Math.max(0, valid.length - 1) }).map((n) => valid.slice(0, n)),
    fc.tuple(fc.nat({ max: valid.length }), fc.constantFrom('"', ',', '}', ']', '\\', '\u0000', "'", 'NaN', '/*', '\uD800'))
      .map(([n, c]) => valid.slice(0, n) + c + valid.slice(n)),
    fc.constantFrom('', ' ', 'null', 'true', '0', '"text"', '[]', 'undefined', 'NaN', '{', '}', '{"a":1,}', "{'a':1}", '\uFEFF{}', '{"a":1}{"a":2}', '[1,2', '{"__proto__":{"x":1}}'),
    fc.string({ maxLength: 200 }),
  )
}

/** Content types a client may wrongly send. */
export const wrongContentType: fc.Arbitrary<string> = fc.constantFrom(
  'text/plain', 'text/csv', 'application/xml', 'text/html', 'application/octet-stream', 'multipart/form-data; boundary=----x',
  'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/json; charset=ebcdic', 'application/json; charset=',
  'application/x-www-form-urlencoded; charset=koi8-r', 'application/vnd.api+json', 'application/merge-patch+json', 'application',
  '*/*', ';', 'garbage/<>', 'application/json, text/plain',
)

/** A content type a body is sometimes sent with, and an encoding it does not have. */
export const wrongEncoding: fc.Arbitrary<string> = fc.constantFrom('gzip', 'deflate', 'br', 'x-unknown', 'gzip, gzip')

/**
 * Percent-encoding no decoder accepts (truncated, not hex, overlong, a surrogate, not UTF-8). Raw
 * bytes above 0x7F are left out: Node's HTTP parser refuses them with a bare 400 before any route.
 */
export const invalidPercent: fc.Arbitrary<string> = fc.constantFrom('%', '%Z', '%ZZ', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF', '%2', '%%', '%u0041', '%F0%9F%98', '%FF%FE')

/** encodeURIComponent, with lone surrogates (which it throws on) as U+FFFD: %ED%A0%80 above sends one raw. */
export function encodePart(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))
}

/** `value` one time in `oneIn`, else null. */
export function sometimes<T>(value: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value })
}

export type Entries = [string, string][]

export type EntryMutation = 'set' | 'drop' | 'repeat' | 'bracket' | 'add' | 'long'

/**
 * Query or form parameters of a valid request with one spoiled: a bad value, dropped, given twice
 * (an array to Express), renamed with brackets (`lat[]`, `lat[x]`), an unexpected key, a long value.
 */
export function mutateEntries(valid: Entries, longMax = 4000): fc.Arbitrary<Entries> {
  return fc.tuple(
    fc.nat({ max: valid.length - 1 }),
    fc.constantFrom<EntryMutation>('set', 'set', 'set', 'drop', 'repeat', 'bracket', 'add', 'long'),
    trickyText,
    fc.constantFrom('[]', '[0]', '[x]', '[__proto__]', '[][]', '[a][b][c][d][e][f][g]'),
    fc.constantFrom('a[b]', '__proto__', 'constructor[prototype]', '__proto__[polluted]', '', '=', '网', 'x'.repeat(300)),
    longText(500, longMax),
  ).map(([i, how, bad, bracket, key, long]) => {
    const entries: Entries = valid.map(([k, v]) => [k, v])
    const [k] = entries[i]
    switch (how) {
      case 'set': entries[i] = [k, bad]; break
      case 'drop': entries.splice(i, 1); break
      case 'repeat': entries.push([k, bad]); break
      case 'bracket': entries[i] = [`${k}${bracket}`, entries[i][1]]; break
      case 'add': entries.push([key, bad]); break
      case 'long': entries[i] = [k, long]; break
    }
    return entries
  })
}

/** `a=1&b=2`, each part percent-encoded; `corrupt` puts raw bad percent-encoding at one place. */
export function encodeEntries(entries: Entries, corrupt?: { at: number; text: string }): string {
  const parts = entries.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`)
  if (!corrupt) return parts.join('&')
  const text = parts.join('&')
  const at = corrupt.at % (text.length + 1)
  return text.slice(0, at) + corrupt.text + text.slice(at)
}

/** Entries encoded, sometimes with invalid percent-encoding spliced in. */
export function encodedEntries(entries: fc.Arbitrary<Entries>): fc.Arbitrary<string> {
  return fc.tuple(entries, sometimes(fc.record({ at: fc.nat(), text: invalidPercent }), 5))
    .map(([e, corrupt]) => encodeEntries(e, corrupt ?? undefined))
}

/** A path segment for an id: the valid one spoiled, or something else altogether (encoded unless meant raw). */
export function badIdSegment(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: trickyText.map(encodePart) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...valid), trickyText).map(([v, t]) => encodePart(v + t)) },
    { weight: 1, arbitrary: fc.constantFrom(...valid).map((v) => encodePart(v.toLowerCase() + ' ')) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...valid), invalidPercent).map(([v, p]) => encodePart(v) + p) },
    { weight: 1, arbitrary: longText(300, 4000).map(encodePart) },
    { weight: 1, arbitrary: fc.constantFrom('%2F', '..', '%2e%2e', '.', '%00', '%20', '-1', '0', '1.5', '1e3', '00001', '999999999', '4294967296', '0x1') },
  )
}

// Integration keys carry scopes, so the key a phone vendor uses to post positions cannot replace the
// district's areas. INTEGRATION_KEYS is `key:scope+scope` entries separated by commas; a bare `key`
// is the legacy form from before scopes and may do everything.

export const INTEGRATION_SCOPES = [
  'positions', // POST /api/ingest/positions
  'cases', // Open311 writes, and reads when keys are configured
  'import', // POST /api/import/areas and /api/import/statistics
  'sensors', // reserved for sensor feeds (issue #13)
] as const

export type IntegrationScope = (typeof INTEGRATION_SCOPES)[number]

export interface IntegrationKey {
  key: string
  scopes: readonly IntegrationScope[]
}

/** A bare string is the legacy form: a key with every scope. */
export type IntegrationKeyEntry = string | IntegrationKey

export function scopesOf(entries: readonly IntegrationKeyEntry[], key: string): readonly IntegrationScope[] | undefined {
  for (const entry of entries) {
    if (typeof entry === 'string' ? entry === key : entry.key === key) return typeof entry === 'string' ? INTEGRATION_SCOPES : entry.scopes
  }
  return undefined
}

function isScope(name: string): name is IntegrationScope {
  return (INTEGRATION_SCOPES as readonly string[]).includes(name)
}

/** Parses INTEGRATION_KEYS. Errors name the entry by position, never by its key (a secret in the logs). */
export function parseIntegrationKeys(raw: string | undefined): IntegrationKey[] {
  const keys: IntegrationKey[] = []
  const entries = (raw ?? '').split(',').map((e) => e.trim())
  entries.forEach((entry, i) => {
    if (entry === '') return
    const fail = (problem: string) => new Error(`INTEGRATION_KEYS entry ${i + 1}: ${problem}; write key or key:scope+scope with scopes ${INTEGRATION_SCOPES.join(', ')}`)
    const colon = entry.lastIndexOf(':')
    const key = colon < 0 ? entry : entry.slice(0, colon).trim()
    if (key === '') throw fail('the key is empty')
    if (keys.some((k) => k.key === key)) throw fail('the key is listed twice')
    if (colon < 0) return void keys.push({ key, scopes: INTEGRATION_SCOPES })
    const names = entry.slice(colon + 1).trim()
    if (names === '') throw fail('no scope after ":"')
    const scopes = names.split('+').map((s) => s.trim())
    const unknown = scopes.find((s) => !isScope(s))
    if (unknown != null) throw fail(`unknown scope "${unknown}"`)
    keys.push({ key, scopes: [...new Set(scopes as IntegrationScope[])] })
  })
  return keys
}

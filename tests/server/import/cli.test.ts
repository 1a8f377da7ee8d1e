import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqliteStore } from '../../../server/store/sqlite-store'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const fixture = (name: string) => path.join(repoRoot, 'tests/fixtures/import', name)

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'wall-import-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

function cli(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'server/import/cli.ts', ...args], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' })
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() }
}

/** What the server would load: the stored areas and statistics. */
function stored() {
  const store = openSqliteStore(path.join(dataDir, 'wall.db'))
  try {
    return { areas: store.loadAreas(), profiles: store.loadProfiles() }
  } finally {
    store.close()
  }
}

describe('npm run import (CLI)', { timeout: 60_000 }, () => {
  it('imports a valid hierarchy, then leaves it untouched when a broken file is rejected', () => {
    expect(cli('grids', fixture('valid-hierarchy.geojson'))).toEqual({ status: 0, stdout: 'imported 2 grids, 1 community, 1 street, 1 district', stderr: '' })
    const before = stored()
    expect(before.areas?.map((f) => f.properties.code)).toEqual(['350111', '350111100', '350111100012', '350111100012001', '350111100012002'])

    const rejected = cli('grids', fixture('unclosed-ring.geojson'))
    expect(rejected.status).toBe(1)
    expect(rejected.stderr.split('\n')).toEqual([
      'feature 4 (350111100012002): ring 0 is not closed: it starts at [119.307, 26.082] and ends at [119.3071, 26.0821]',
      'not imported: 1 problem; nothing was written',
    ])
    expect(stored()).toEqual(before)
  })

  it('creates no database for a rejected file', () => {
    expect(cli('grids', fixture('bow-tie.geojson')).status).toBe(1)
    expect(existsSync(path.join(dataDir, 'wall.db'))).toBe(false)
  })

  it('imports statistics against the stored hierarchy, and nothing of a sheet with a bad number', () => {
    expect(cli('grids', fixture('gcj02-hierarchy.geojson'), '--crs', 'gcj02').status).toBe(0)
    expect(cli('stats', fixture('stats-valid.csv')).stdout).toMatch(/^imported statistics of 3 areas/)
    const before = stored()
    expect(before.profiles.get('350111100012001')?.residents).toBe(1234)

    const rejected = cli('stats', fixture('stats-bad-number.csv'))
    expect(rejected.status).toBe(1)
    expect(rejected.stderr).toContain('line 3, column residents: is not a whole number: "12.5"')
    expect(stored()).toEqual(before)
  })

  it('prints the usage for a wrong command line', () => {
    const run = cli('grid', fixture('valid-hierarchy.geojson'))
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^usage:/)
  })
})

// Real SQLite stores in temporary directories for store tests: `open()` a new one (or reopen a
// directory, as after a restart), and `closeAll()` in afterEach closes and deletes them all.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../../../server/store/sqlite-store'
import type { WallStore } from '../../../server/store/wall-store'

export function tempStores(prefix: string) {
  const dirs: string[] = []
  const stores: WallStore[] = []
  return {
    open(dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`))) {
      dirs.push(dir)
      const store = openSqliteStore(path.join(dir, 'wall.db'))
      stores.push(store)
      return { store, dir, file: path.join(dir, 'wall.db') }
    },
    closeAll() {
      for (const s of stores.splice(0)) { try { s.close() } catch { /* already closed */ } }
      for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
    },
  }
}

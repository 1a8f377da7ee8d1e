// `npm run import -- grids FILE [--crs gcj02] [--map …]` and `npm run import -- stats FILE`:
// exit 0 with a one-line summary, or 1 with every problem (and nothing written).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openSqliteStore } from '../store/sqlite-store'
import { parseImportArgs } from './cli-args'
import { runImport } from './run-import'

/** Where the server keeps its database (server/app.ts opens the same file). */
const STORE_FILE = 'wall.db'
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function main(argv: readonly string[]): number {
  const args = parseImportArgs(argv)
  if (args.error != null) {
    console.error(args.error)
    return 1
  }
  // The same default as server/config.ts, wherever the command is run from.
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(repoRoot, 'data'))
  const storeFile = path.join(dataDir, STORE_FILE)
  // `npm run` starts in the package folder; a relative FILE means the folder the user typed it in.
  const command = { ...args.command, file: path.resolve(process.env.INIT_CWD || process.cwd(), args.command.file) }
  const outcome = runImport(command, {
    dataDir,
    storeExists: () => fs.existsSync(storeFile),
    openStore: () => openSqliteStore(storeFile),
  })
  for (const line of outcome.lines) (outcome.ok ? console.log : console.error)(line)
  return outcome.ok ? 0 : 1
}

process.exitCode = main(process.argv.slice(2))

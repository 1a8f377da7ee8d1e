// A private PostgreSQL 15 + PostGIS for tests, from Debian's binaries: a cluster initialised in a
// temporary folder, the postmaster on a free localhost port with its unix socket in that folder, trust
// auth for the test user, and one database with PostGIS. One server per test file; stop() ends the
// process it started and removes the folder. initdb and postgres refuse to run as root, so under root
// both run as the `postgres` system user (spawn's uid/gid), the folder handed to it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort } from './server-process'

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin'
const USER = 'wall'
const DATABASE = 'wall'

export interface Postgres {
  /** postgresql://wall@127.0.0.1:<port>/wall: a database with PostGIS, trust auth. */
  url: string
  port: number
  /** The folder holding the cluster (data/) and the unix socket. */
  dir: string
  /** The server's log so far (for a failing test's message). */
  log(): string
  /** Fast shutdown, then the folder goes. */
  stop(): Promise<void>
}

/** `durable`: keep PostgreSQL's defaults (fsync, full page writes), for benchmarks of committed writes. */
export async function startPostgres({ durable = false }: { durable?: boolean } = {}): Promise<Postgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-pg-'))
  const owner = process.getuid?.() === 0 ? systemUser('postgres') : undefined
  if (owner) fs.chownSync(dir, owner.uid, owner.gid)
  const data = path.join(dir, 'data')
  execFileSync(path.join(POSTGRES_BIN, 'initdb'),
    ['-D', data, '-U', USER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'],
    { cwd: dir, stdio: 'pipe', ...owner })
  const port = await freePort()
  // fsync off for tests: a test cluster need not survive a power cut, and 2 shared cores should not wait on disk.
  const fast = durable ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off']
  const child = spawn(path.join(POSTGRES_BIN, 'postgres'), ['-D', data, '-p', String(port), '-k', dir,
    '-c', 'listen_addresses=127.0.0.1', ...fast, '-c', 'max_connections=50'],
  { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], ...owner })
  let output = ''
  child.stdout!.on('data', (c: Buffer) => { output += c.toString() })
  child.stderr!.on('data', (c: Buffer) => { output += c.toString() })
  const stop = async () => {
    await shutDown(child)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const adminUrl = `postgresql://${USER}@127.0.0.1:${port}/postgres`
  try {
    await waitForConnection(adminUrl, child, () => output)
    await createPostgisDatabase(adminUrl)
  } catch (error) {
    await stop()
    throw error
  }
  return { url: `postgresql://${USER}@127.0.0.1:${port}/${DATABASE}`, port, dir, log: () => output, stop }
}

function systemUser(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}

async function withClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await work(client)
  } finally {
    await client.end()
  }
}

async function createPostgisDatabase(adminUrl: string): Promise<void> {
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${DATABASE}`))
  await withClient(adminUrl.replace(/\/postgres$/, `/${DATABASE}`), (client) => client.query('CREATE EXTENSION postgis'))
}

async function waitForConnection(url: string, child: ChildProcess, output: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode != null) throw new Error(`postgres exited with ${child.exitCode}:\n${output()}`)
    try {
      await withClient(url, async () => {})
      return
    } catch {
      // Not accepting yet (starting up, or the socket not there): try again shortly.
    }
    if (Date.now() > deadline) throw new Error(`postgres did not accept connections within ${timeoutMs} ms:\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** SIGINT is PostgreSQL's fast shutdown: open sessions are ended, the postmaster waits for its children. */
function shutDown(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode != null || child.signalCode != null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGINT')
  })
}

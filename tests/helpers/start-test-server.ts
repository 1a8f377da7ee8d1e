// A real server on a random localhost port, with the simulator sped up so tests see hours of
// activity in seconds. Stop it in afterAll.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp, type WallApp } from '../../server/app'
import { loadConfig, type ServerConfig } from '../../server/config'

export interface TestServer {
  wall: WallApp
  url: string
  /** Its DATA_DIR: wall.db is here (tests may open it read-only beside the server). */
  dataDir: string
  stop(): Promise<void>
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wall-test-'))
  const wall = await createApp({
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    // WALL_DIST: a build of the wall elsewhere (parallel work builds into its own folder).
    clientDir: path.resolve(process.env.WALL_DIST ?? 'dist'),
    simulator: true,
    simulatorSpeed: 30,
    tickMs: 250,
    staleAfterMs: 60_000,
    offlineAfterMs: 300_000,
    simulatorSeed: 7,
    // A weekday morning, so every run sees the same mid-shift activity whatever the hour of the run.
    simulatorStart: Date.parse('2026-11-25T09:40:00+08:00'),
    ...overrides,
  })
  const port = await wall.listen()
  return {
    wall,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async stop() {
      await wall.stop()
      if (!overrides.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

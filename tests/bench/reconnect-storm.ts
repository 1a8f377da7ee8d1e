// Reconnect storm (issue #11): every wall reconnecting at the same instant, as after a server
// restart, against the running city-scale server under its steady load — once with today's JSON
// snapshot (auth.snapshotFormat 'json'), once with the packed one. A fresh fan-out child (its own
// CPU) opens all the sockets at once; each notes when its snapshot and then its first live
// `inspectors:moved` frame arrived. The server's CPU comes from its probe (process.cpuUsage): the
// total over the storm, and that less what the steady load cost at the rate measured just before.
// Budget: ≤ 5 s of server CPU in total, every wall live within 10 s.
import { spawnBenchChild } from './child-process'
import type { FanoutCommand, StormResult } from './fanout-child'
import { pin, type ServerChild } from './server-child'
import { round, sleep, summarise } from './stats'

export type SnapshotFormat = 'json' | 'packed'

interface ProbeCpu { userMs: number; systemMs: number; atMs: number }

const STEADY_SAMPLE_MS = 5000

async function serverCpuMs(server: ServerChild): Promise<{ cpuMs: number; atMs: number }> {
  const c = await server.probe<ProbeCpu>({ type: 'cpu' })
  return { cpuMs: c.userMs + c.systemMs, atMs: c.atMs }
}

export async function reconnectStorm(server: ServerChild, walls: number, format: SnapshotFormat, clientCpus: string) {
  const child = spawnBenchChild('tests/bench/fanout-child.ts')
  pin(child.child.pid!, clientCpus)
  try {
    // The steady load's own rate, so the storm's share can be told apart.
    const s0 = await serverCpuMs(server)
    await sleep(STEADY_SAMPLE_MS)
    const s1 = await serverCpuMs(server)
    const steadyCores = (s1.cpuMs - s0.cpuMs) / (s1.atMs - s0.atMs)

    child.send({ type: 'storm', url: server.url, count: walls, format } satisfies FanoutCommand)
    const result = await child.next<StormResult>('stormed', 900_000)
    const s2 = await serverCpuMs(server)
    const totalMs = s2.cpuMs - s1.cpuMs
    const spanMs = s2.atMs - s1.atMs
    const have = (xs: (number | null)[]) => xs.filter((x): x is number => x != null)
    const snapshots = have(result.snapshotAtMs)
    const live = have(result.liveAtMs)
    const allLive = live.length === walls
    return {
      format, walls,
      /** Everything the server process spent from the storm's start until the last wall was live. */
      serverCpuS: round(totalMs / 1000, 2),
      serverCpuLessSteadyLoadS: round(Math.max(0, totalMs - steadyCores * spanMs) / 1000, 2),
      steadyLoadServerCores: round(steadyCores, 2),
      /** Per snapshot: the storm's own CPU shared by its walls (packed: one encoding per version, shared). */
      serverCpuMsPerSnapshot: round(Math.max(0, totalMs - steadyCores * spanMs) / walls, 1),
      wallsWithSnapshot: snapshots.length,
      wallsLive: live.length,
      allHaveSnapshotS: snapshots.length === walls ? round(Math.max(...snapshots) / 1000, 2) : null,
      allLiveS: allLive ? round(Math.max(...live) / 1000, 2) : null,
      snapshotAtS: summarise(snapshots.map((ms) => ms / 1000), 2),
      liveAtS: summarise(live.map((ms) => ms / 1000), 2),
      snapshotKB: summarise(result.snapshotBytes.map((b) => b / 1024), 0),
      errors: [...new Set(result.errors)].slice(0, 5),
    }
  } finally {
    child.kill()
  }
}

export type StormFigures = Awaited<ReturnType<typeof reconnectStorm>>

/** Both formats, the new one first (the JSON storm leaves the server busy for a while afterwards). */
export async function reconnectStorms(server: ServerChild, walls: number, clientCpus: string, log: (m: string) => void) {
  const packed = await reconnectStorm(server, walls, 'packed', clientCpus)
  log(`reconnect storm, packed: ${packed.serverCpuS} s server CPU, all live in ${packed.allLiveS} s`)
  const json = await reconnectStorm(server, walls, 'json', clientCpus)
  log(`reconnect storm, JSON: ${json.serverCpuS} s server CPU, all live in ${json.allLiveS} s`)
  return {
    order: 'packed, then json (today\'s way), each against the running server under the steady load, all walls at once',
    packed, json,
    jsonOverPacked: {
      serverCpu: packed.serverCpuS ? round((json.serverCpuS ?? 0) / packed.serverCpuS, 1) : null,
      allLive: packed.allLiveS && json.allLiveS ? round(json.allLiveS / packed.allLiveS, 1) : null,
    },
  }
}

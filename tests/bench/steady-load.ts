// The city's steady state as the bench drives it: the load generator (load-generator.ts) in its own
// process, started against one node's URL and stopped for its figures.
import { spawnBenchChild, type BenchChild } from './child-process'
import type { LoadConfig, LoadStats } from './load-generator'

export function startSteadyLoad(config: LoadConfig): BenchChild {
  const generator = spawnBenchChild('tests/bench/load-generator.ts')
  generator.send({ type: 'start', config })
  return generator
}

export async function stopSteadyLoad(generator: BenchChild): Promise<LoadStats> {
  generator.send({ type: 'stop' })
  const { stats } = await generator.next<{ stats: LoadStats }>('stats')
  await generator.exited()
  return stats
}

// `npx tsx tests/bench/run-multi-node.ts [--smoke] [--out <file>]`: the multi-node scenario of
// `npm run bench` alone (tests/bench/multi-node.ts), JSON on stdout, progress on stderr.
import fs from 'node:fs'
import path from 'node:path'
import { measureMultiNode } from './multi-node'
import { parseOptions } from './options'

const started = performance.now()
const log = (message: string) => console.error(`[bench ${Math.round((performance.now() - started) / 1000)}s] ${message}`)
const cleanups: (() => unknown)[] = []
const plan = parseOptions(process.argv.slice(2))
const outFile = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : null

async function cleanUp() {
  for (const c of cleanups.reverse()) {
    try {
      await c()
    } catch {
      // already gone
    }
  }
}

measureMultiNode({ plan, wallDist: path.resolve(plan.wallDist), log, cleanups }).then(async (figures) => {
  const json = JSON.stringify({ size: plan.name, multiNode: figures }, null, 2)
  if (outFile) fs.writeFileSync(outFile, json)
  process.stdout.write(`${json}\n`)
  await cleanUp()
  process.exit(0)
}, async (error: Error) => {
  console.error(error.stack ?? error.message)
  await cleanUp()
  process.exit(1)
})

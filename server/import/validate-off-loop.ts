// Validates an areas file posted to the running server in a worker thread, so a 20 MB file never
// holds the event loop that sends the walls their frames and ticks. One validation at a time (the
// next waits), each in a fresh worker that is stopped after MAX_VALIDATION_MS. The features come
// back as texts and are parsed here a slice at a time.
import { performance } from 'node:perf_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { Worker } from 'node:worker_threads'
import type { AreaFeature } from '../domain/area-tree'
import type { ImportError } from './import-errors'
import { MAX_VALIDATION_MS, validationTimeoutProblem, type BoundProblem } from './import-bounds'
import type { AreaImportOptions } from './validate-areas'
import type { ValidateReply, ValidateRequest } from './validate-worker'

export type OffLoopValidation =
  | { kind: 'invalid_json'; message: string }
  | { kind: 'too_large'; problem: BoundProblem }
  | { kind: 'rejected'; errors: ImportError[] }
  | { kind: 'valid'; features: AreaFeature[]; warnings: ImportError[] }

/** Parsing a feature's text takes microseconds; a slice stops after this long. */
const SLICE_MS = 10
const WORKER_URL = new URL('./validate-worker-boot.mjs', import.meta.url)

let queue: Promise<unknown> = Promise.resolve()

export function validateAreasOffLoop(body: Uint8Array, options: AreaImportOptions, timeoutMs = MAX_VALIDATION_MS): Promise<OffLoopValidation> {
  const run = queue.then(() => inWorker({ body, options }, timeoutMs)).then(featuresParsed)
  queue = run.catch(() => undefined)
  return run
}

function inWorker(request: ValidateRequest, timeoutMs: number): Promise<ValidateReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { validateAreas: request } })
    const timer = setTimeout(() => {
      void worker.terminate()
      resolve({ kind: 'too_large', problem: validationTimeoutProblem() })
    }, timeoutMs)
    const settle = () => clearTimeout(timer)
    worker.once('message', (reply: ValidateReply) => {
      settle()
      resolve(reply)
      void worker.terminate()
    })
    worker.once('error', (error) => {
      settle()
      reject(error)
    })
    worker.once('exit', (code) => {
      settle()
      reject(new Error(`the import validation worker exited (${code}) without an answer`))
    })
  })
}

async function featuresParsed(reply: ValidateReply): Promise<OffLoopValidation> {
  if (reply.kind !== 'valid') return reply
  const features: AreaFeature[] = []
  let sliceStart = performance.now()
  for (const text of reply.features) {
    features.push(JSON.parse(text) as AreaFeature)
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTurn()
      sliceStart = performance.now()
    }
  }
  return { kind: 'valid', features, warnings: reply.warnings }
}

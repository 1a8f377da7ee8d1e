// The worker thread's side of validate-off-loop.ts: one areas file as bytes in, parsed and
// validated here, away from the event loop that serves the walls; out go the problems, or the
// features each as its own JSON text. Receiving 14 MB of coordinates as one structured clone took
// ~1 s of the main thread; texts cost nothing to receive and are parsed there a few at a time.
import { parentPort, workerData } from 'node:worker_threads'
import type { ImportError } from './import-errors'
import { importBoundProblem, type BoundProblem } from './import-bounds'
import { featureList } from './read-geojson'
import { validateAreaGeoJson, type AreaImportOptions } from './validate-areas'

export interface ValidateRequest {
  body: Uint8Array
  options: AreaImportOptions
}

export type ValidateReply =
  | { kind: 'invalid_json'; message: string }
  | { kind: 'too_large'; problem: BoundProblem }
  | { kind: 'rejected'; errors: ImportError[] }
  | { kind: 'valid'; features: string[]; warnings: ImportError[] }

export function validateBody({ body, options }: ValidateRequest): ValidateReply {
  // TextDecoder drops a BOM, as the JSON body parser did.
  const text = new TextDecoder().decode(body)
  let input: unknown
  try {
    input = JSON.parse(text)
  } catch (e) {
    return { kind: 'invalid_json', message: (e as Error).message }
  }
  const list = featureList(input)
  const tooLarge = list.error ? null : importBoundProblem(list.value)
  if (tooLarge) return { kind: 'too_large', problem: tooLarge }
  const result = validateAreaGeoJson(input, options)
  if (result.errors) return { kind: 'rejected', errors: result.errors }
  return { kind: 'valid', features: result.features.map((f) => JSON.stringify(f)), warnings: result.warnings }
}

const request = (workerData as { validateAreas?: ValidateRequest } | null)?.validateAreas
if (parentPort && request) parentPort.postMessage(validateBody(request))

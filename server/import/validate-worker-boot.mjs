// Entry of the import validation worker (validate-off-loop.ts). A worker thread does not inherit
// tsx's loader under Node 20 ("Unknown file extension .ts"), so this plain module loads the
// TypeScript worker through tsx's API: the same under `npm start`, `tsx`, vitest and plain node.
const { tsImport } = await import('tsx/esm/api')
await tsImport('./validate-worker.ts', import.meta.url)

// Builds the naive page with Vite (maplibre's worker as a separate asset, as in the wall's build)
// into a temporary directory.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const here = path.dirname(fileURLToPath(import.meta.url))

export async function buildNaivePage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, reportCompressedSize: false },
  })
}

import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const repoRoot = fileURLToPath(new URL('.', import.meta.url))
// The API server `npm run serve` listens here; `npm run dev` proxies to it.
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 3000}`

export default defineConfig({
  root: 'client',
  publicDir: '../public',
  plugins: [vue()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  test: {
    root: repoRoot,
    projects: [
      { extends: true, test: { name: 'server', root: repoRoot, include: ['tests/server/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'client', root: repoRoot, include: ['tests/client/**/*.test.ts'], environment: 'node' } },
      // End-to-end: a real server on a random port and Debian's Chromium; needs `vite build` first.
      { extends: true, test: { name: 'e2e', root: repoRoot, include: ['tests/e2e/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
})

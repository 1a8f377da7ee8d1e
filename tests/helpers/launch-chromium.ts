// Debian's Chromium driven by playwright-core (no browser download). WebGL is software-rendered by
// SwiftShader here: screenshots are real, frame rates are not.
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Starts Chromium with the flags every test needs, then `extraArgs` (e.g. the memory flags of page-metrics.ts). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  })
}

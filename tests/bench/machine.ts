// Facts about the machine and the code measured, so figures from different runs can be compared.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'

const version = (pkg: string) => (JSON.parse(fs.readFileSync(`node_modules/${pkg}/package.json`, 'utf8')) as { version: string }).version

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()
  } catch {
    return ''
  }
}

export function machineFacts(chromiumVersion: string) {
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: chromiumVersion,
    webgl: 'SwiftShader (software), --use-angle=swiftshader',
    packages: { 'maplibre-gl': version('maplibre-gl'), 'socket.io': version('socket.io'), 'socket.io-client': version('socket.io-client'), vue: version('vue'), 'better-sqlite3': version('better-sqlite3') },
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedFiles: git(['status', '--porcelain']).split('\n').filter(Boolean).length,
  }
}

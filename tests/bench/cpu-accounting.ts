// Who used the CPUs during a phase: the whole machine (/proc/stat) against the bench's own process
// tree (the bench, the server, the load generator, the fan-out clients, Chromium). On a shared
// machine the difference is other tenants' work, which perturbs every figure of that phase.
import fs from 'node:fs'
import os from 'node:os'

const CLOCK_TICKS = 100 // USER_HZ on Linux

function systemBusySeconds(): number {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
  const n = fields.map(Number)
  const idle = n[3] + (n[4] ?? 0)
  return (n.reduce((a, b) => a + b, 0) - idle) / CLOCK_TICKS
}

function stat(pid: string): { ppid: number; own: number; children: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(f[1]), own: (Number(f[11]) + Number(f[12])) / CLOCK_TICKS, children: (Number(f[13]) + Number(f[14])) / CLOCK_TICKS }
  } catch {
    return null // the process ended while we looked
  }
}

/** CPU seconds of this process, its reaped children and every live descendant. */
function treeSeconds(root: number): number {
  const stats = new Map<number, NonNullable<ReturnType<typeof stat>>>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const s = stat(entry)
    if (s) stats.set(Number(entry), s)
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p != null && p > 1; p = stats.get(p)?.ppid) if (p === root) return true
    return false
  }
  let total = (stats.get(root)?.own ?? 0) + (stats.get(root)?.children ?? 0)
  for (const [pid, s] of stats) if (pid !== root && inTree(pid)) total += s.own
  return total
}

export interface PhaseCpu {
  seconds: number
  /** CPUs' worth of work (2.0 = both cores busy) over the phase. */
  machineBusyCores: number
  benchTreeCores: number
  otherTenantsCores: number
}

export function startPhase(): () => PhaseCpu {
  const t0 = performance.now()
  const sys0 = systemBusySeconds()
  const own0 = treeSeconds(process.pid)
  return () => {
    const seconds = (performance.now() - t0) / 1000
    const sys = systemBusySeconds() - sys0
    const own = treeSeconds(process.pid) - own0
    const r = (x: number) => Math.round((x / seconds) * 100) / 100
    return { seconds: Math.round(seconds), machineBusyCores: r(sys), benchTreeCores: r(own), otherTenantsCores: r(Math.max(0, sys - own)) }
  }
}

export const loadAverage = () => os.loadavg().map((x) => Math.round(x * 100) / 100)

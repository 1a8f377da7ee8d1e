// Reduces a V8 CPU profile (Profiler.stop) to what costs what: self time by function and by
// module, and inclusive time of the project's own functions (so a step such as `ingestPositions`
// shows everything it calls). Native frames (SQLite, JSON, builtins) are charged to the module that
// called them; samples of the bench's own probe are left out.
import { pathToFileURL } from 'node:url'

interface CallFrame { functionName: string; url: string }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
export interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface ProfileSummary {
  sampledMs: number
  /** Share of sampled time the thread was busy (not idle). */
  busyShare: number
  byModule: { module: string; selfMs: number; share: number }[]
  topSelf: { fn: string; selfMs: number; share: number }[]
  /** Inclusive time of functions defined in the project, busiest first. */
  ownInclusive: { fn: string; totalMs: number; share: number }[]
}

/** The project's root as profile URLs spell it (file:///…/), so its own modules are told from npm's. */
export const ownRoot = () => `${pathToFileURL(process.cwd()).href}/`

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)'])

function moduleOf(url: string, root: string): string {
  if (url.startsWith('node:')) return 'node: internals'
  const nm = url.lastIndexOf('/node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + 14).split('/')
    return `npm ${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`
  }
  return url.startsWith(root) ? url.slice(root.length) : url
}

export function summariseProfile(profile: CpuProfile, root: string, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const stackOf = (id: number) => {
    const frames: CallFrame[] = []
    for (let cur: number | undefined = id; cur != null; cur = parent.get(cur)) frames.push(byId.get(cur)!.callFrame)
    return frames
  }

  let totalUs = 0
  let idleUs = 0
  const modules = new Map<string, number>()
  const selfFns = new Map<string, number>()
  const inclusive = new Map<string, number>()
  const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us)
  for (const [id, us] of selfUs) {
    const stack = stackOf(id)
    if (stack.some((f) => f.url.includes('/tests/bench/'))) continue
    totalUs += us
    const own = stack[0]
    if (own.functionName === '(idle)') idleUs += us
    if (SPECIAL.has(own.functionName)) {
      add(modules, own.functionName, us)
      add(selfFns, own.functionName, us)
      continue
    }
    const caller = stack.find((f) => f.url !== '' && !SPECIAL.has(f.functionName))
    const callerModule = caller ? moduleOf(caller.url, root) : '(unknown)'
    const module = own.url === '' ? `${callerModule} (native)` : moduleOf(own.url, root)
    add(modules, module, us)
    add(selfFns, `${own.functionName || '(anonymous)'} (${module})`, us)
    // Each own function on the stack gets the sample once, however deep the recursion.
    const seen = new Set<string>()
    for (const f of stack) {
      if (!f.url.startsWith(root) || f.url.includes('/node_modules/')) continue
      const key = `${f.functionName || '(anonymous)'} (${moduleOf(f.url, root)})`
      if (!seen.has(key)) add(inclusive, key, us)
      seen.add(key)
    }
  }
  const busyUs = Math.max(1, totalUs - idleUs)
  const ms = (us: number) => Math.round(us / 100) / 10
  const share = (us: number) => Math.round((us / busyUs) * 1000) / 1000
  const sorted = (m: Map<string, number>) => [...m].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)
  return {
    sampledMs: ms(totalUs),
    busyShare: Math.round(((totalUs - idleUs) / Math.max(1, totalUs)) * 1000) / 1000,
    byModule: sorted(modules).map(([module, us]) => ({ module, selfMs: ms(us), share: share(us) })),
    topSelf: sorted(selfFns).map(([fn, us]) => ({ fn, selfMs: ms(us), share: share(us) })),
    ownInclusive: sorted(inclusive).map(([fn, us]) => ({ fn, totalMs: ms(us), share: share(us) })),
  }
}

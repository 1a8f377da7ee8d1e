// The embedded data source: inspectors walking their grids and cases moving round the loop, fed
// through the same entry points real phones and systems use. It can replay the past days at full
// speed so the wall starts mid-shift with a week of history, then runs live on the domain clock.
import TinyQueue from 'tinyqueue'
import { guardedInterval } from '../boot/guarded-interval'
import type { AreaInfo, CaseSource, LngLat } from '../contract/domain'
import type { CaseRecord } from '../domain/case-book'
import { IllegalTransitionError } from '../domain/case-workflow'
import { findCategory } from '../domain/categories'
import { cstHour } from '../domain/china-time'
import type { District } from '../domain/district'
import { actOnCase, reportCase } from '../ingest/case-ingest'
import { ingestPositions, InvalidInputError, type PositionInput, type PositionIntake } from '../ingest/position-ingest'
import { ACTORS, DEPARTMENTS, nextAction, type ScheduledAction } from './case-lifecycle'
import { describe, OTHER_SOURCE_RATIO, pickCategory, pickOtherSource } from './case-generator'
import { InspectorWalker } from './inspector-walker'
import { createRng, pick, pickWeighted, poisson, type Rng } from './random'
import { ABSENT_SHARE, activityAt, DAY_SHIFT_HOURS, INSPECTOR_REPORTS_PER_DAY, NIGHT_SHIFT_SHARE } from './sim-rates'
import type { WalkPlanner } from './walk-planner'

type AgendaItem =
  | ({ kind: 'action' } & ScheduledAction)
  | { kind: 'report'; at: number; source: CaseSource; inspectorId: number | null }

export interface Simulator {
  /** Simulates cases (not walks) from `from` to the current time, so the wall starts with history. */
  replayPast(from: number): void
  /** After a restart: schedules the next step of every open case, from when it entered its step. */
  adoptOpenCases(): void
  /** Places inspectors on their rounds with a few minutes of trail behind them. */
  startRounds(warmUpMs?: number): void
  /** Advances everything to `to` (domain ms). */
  step(to: number): void
  /** After an import replaced the areas: every inspector walks on in their (new) grid from where they stand. */
  replan(): void
  start(intervalMs?: number): void
  stop(): void
}

const SLICE_MS = 60_000

export function createSimulator(options: { intake: PositionIntake; planner: WalkPlanner; seed: number; gridWeight: (grid: AreaInfo) => number }): Simulator {
  const { intake, planner } = options
  const district: District = intake.district
  const rng: Rng = createRng(options.seed)
  // Ids and shifts are fixed at start; grids are looked up live (an import may move inspectors).
  const inspectors = district.inspectors.allInfos().map((i) => i.id)
  const simulated = new Set(inspectors)
  const nightShift = new Set(inspectors.filter(() => rng() < NIGHT_SHIFT_SHARE))
  const absent = new Set(inspectors.filter(() => rng() < ABSENT_SHARE))
  let grids = district.tree.allGrids()
  const walkers = new Map<number, InspectorWalker>()
  const agenda = new TinyQueue<AgendaItem>([], (a, b) => a.at - b.at)
  let simulatedTo = 0
  let timer: NodeJS.Timeout | undefined

  // Every transition of any case (simulated or real) gets its next step scheduled.
  district.cases.onChange((record, transition) => {
    // A comment moves nothing: the step already has its next action scheduled.
    if (!transition || transition.action === 'comment') return
    const next = nextAction(record, rng, district.calendar)
    if (next) agenda.push({ kind: 'action', ...next })
  })

  const onDuty = (id: number, at: number) => {
    if (absent.has(id)) return false
    const hour = cstHour(at)
    return (hour >= DAY_SHIFT_HOURS[0] && hour < DAY_SHIFT_HOURS[1]) || nightShift.has(id)
  }

  function scheduleReports(from: number, to: number): void {
    for (let t = from; t < to; t += SLICE_MS) {
      const sliceEnd = Math.min(to, t + SLICE_MS)
      const onDutyIds = inspectors.filter((id) => onDuty(id, t))
      const perInspector = INSPECTOR_REPORTS_PER_DAY * activityAt(cstHour(t)) * ((sliceEnd - t) / 86_400_000)
      const fromInspectors = poisson(rng, perInspector * onDutyIds.length)
      const fromOthers = poisson(rng, perInspector * inspectors.length * 0.6 * OTHER_SOURCE_RATIO)
      for (let i = 0; i < fromInspectors && onDutyIds.length > 0; i++) {
        agenda.push({ kind: 'report', at: t + rng() * (sliceEnd - t), source: 'inspector', inspectorId: pick(rng, onDutyIds) })
      }
      for (let i = 0; i < fromOthers; i++) {
        agenda.push({ kind: 'report', at: t + rng() * (sliceEnd - t), source: pickOtherSource(rng), inspectorId: null })
      }
    }
  }

  function runAgenda(to: number, live: boolean): void {
    while (agenda.length > 0 && agenda.peek()!.at <= to) {
      const item = agenda.pop()!
      if (item.kind === 'report') fileReport(item.at, item.source, item.inspectorId, live)
      else performAction(item)
    }
  }

  function fileReport(at: number, source: CaseSource, inspectorId: number | null, live: boolean): void {
    const category = pickCategory(rng)
    const walker = inspectorId != null ? walkers.get(inspectorId) : undefined
    // Live, an inspector reports where they stand; replaying the past, somewhere in their grid.
    const point: LngLat = walker && live ? walker.position : randomReportPoint(inspectorId)
    if (walker && live) walker.pause(at, 60 + rng() * 90)   // photographing the problem takes a minute or two
    const reporter = inspectorId != null ? district.inspectors.info(inspectorId) : undefined
    try {
      reportCase(district, {
        categoryCode: category.code, source, lng: point[0], lat: point[1], description: describe(category, rng),
        reporterId: reporter?.id ?? null, actor: reporter?.name ?? sourceActor(source), at,
      })
    } catch (error) {
      // A point outside every grid (an imported hierarchy with gaps): this report is not made.
      if (!(error instanceof InvalidInputError)) throw error
    }
  }

  function randomReportPoint(inspectorId: number | null): LngLat {
    const own = inspectorId != null ? district.inspectors.info(inspectorId)?.gridCode : undefined
    const code = own && district.tree.geometry(own) ? own : pickWeighted(rng, grids, options.gridWeight).code
    return planner.randomWalkablePoint(district.tree.geometry(code)!, rng)
  }

  function performAction(item: ScheduledAction): void {
    const record = district.cases.get(item.caseId)
    if (!record) return
    try {
      actOnCase(district, item.caseId, item.action, {
        at: item.at, actor: actorFor(record, item.action), department: DEPARTMENTS[majorOf(record)] ?? '街道办事处',
        note: item.action === 'sendBack' ? '核查未通过，返工处理' : null,
      })
    } catch (error) {
      // A person acted on the case first (through the API): their action stands.
      if (!(error instanceof IllegalTransitionError)) throw error
    }
  }

  function actorFor(record: CaseRecord, action: ScheduledAction['action']): string {
    if (action === 'handle') return record.department ?? '处置部门'
    if (action === 'verify' || action === 'sendBack') {
      const own = district.inspectors.allInfos().filter((i) => i.gridCode === record.gridCode)
      return own.length > 0 ? pick(rng, own).name : '监督员'
    }
    return ACTORS[action]
  }

  function majorOf(record: CaseRecord): string {
    return findCategory(record.categoryCode)?.major ?? ''
  }

  /** Walks everyone, then hands the phones' fixes over as one batch (one store transaction). */
  function walk(from: number, to: number): void {
    const batch: PositionInput[] = []
    for (const walker of walkers.values()) {
      for (const fix of walker.advance(from, to, onDuty(walker.inspectorId, to))) batch.push({ inspectorId: walker.inspectorId, ...fix })
    }
    ingestPositions(intake, batch.sort((a, b) => a.at - b.at))
  }

  function step(to: number): void {
    if (to <= simulatedTo) return
    scheduleReports(simulatedTo, to)
    // Walk and handle cases in small slices so reports come from where the inspector stands.
    for (let t = simulatedTo; t < to; t = Math.min(to, t + 5_000)) {
      const next = Math.min(to, t + 5_000)
      walk(t, next)
      runAgenda(next, true)
    }
    simulatedTo = to
  }

  return {
    replayPast(from) {
      const now = district.clock.now()
      scheduleReports(from, now)
      runAgenda(now, false)
      simulatedTo = now
    },
    adoptOpenCases() {
      for (const record of district.cases.open()) {
        const next = nextAction(record, rng, district.calendar)
        if (next) agenda.push({ kind: 'action', ...next })
      }
      simulatedTo = district.clock.now()
    },
    startRounds(warmUpMs = 180_000) {
      const now = district.clock.now()
      const batch: PositionInput[] = []
      for (const info of district.inspectors.allInfos()) {
        if (!simulated.has(info.id)) continue
        const geometry = district.tree.geometry(info.gridCode)
        if (!geometry) continue
        // After a restart an inspector carries on from their last fix; never rewrite their past.
        const live = district.inspectors.liveOf(info.id)
        const from = live ? Math.max(live.fixAt + 1, now - warmUpMs) : now - warmUpMs
        const walker = new InspectorWalker(info.id, geometry, planner, rng, from, live ? [live.lng, live.lat] : undefined)
        walkers.set(info.id, walker)
        if (absent.has(info.id) && !live) {
          // Absent inspectors' phones last reported a while ago, where they were then.
          batch.push({ inspectorId: info.id, lng: walker.position[0], lat: walker.position[1], heading: null, at: now - (20 + rng() * 70) * 60_000 })
        }
        for (const fix of walker.advance(from, now, onDuty(info.id, now))) batch.push({ inspectorId: info.id, ...fix })
      }
      ingestPositions(intake, batch.sort((a, b) => a.at - b.at))
      simulatedTo = Math.max(simulatedTo, now)
    },
    step,
    replan() {
      grids = district.tree.allGrids()
      const now = district.clock.now()
      for (const [id, walker] of walkers) {
        const geometry = district.tree.geometry(district.inspectors.info(id)?.gridCode ?? '')
        if (geometry) walkers.set(id, new InspectorWalker(id, geometry, planner, rng, now, walker.position))
        else walkers.delete(id)
      }
    },
    start(intervalMs = 250) {
      timer ??= guardedInterval('simulator', () => step(district.clock.now()), intervalMs)
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = undefined
    },
  }
}

function sourceActor(source: CaseSource): string {
  return { inspector: '监督员', hotline: '12345热线', video: '视频巡查', citizen: '市民随手拍', iot: '物联感知' }[source]
}

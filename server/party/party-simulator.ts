// The demo's 党建引领 activity, on the demo clock: a trickle of 党员领办 projects at the seeds' rate
// (Fuqing: 230 a year, > 98 % closed) walked round the loop over days, and the 12345 follow-ups
// (先行联系 within minutes, 回访 after closing). Every plan is drawn from a generator seeded by the
// demo seed and the project's day or the case's id, so a restart (or a second run) plans the same.
import type { EpochMs } from '../contract/domain'
import type { HotlineFollowUp, SatisfactionLevel } from '../contract/evaluation'
import type { PartyOrg, ProjectAction } from '../contract/party'
import { cstDayStart, DAY_MS } from '../domain/china-time'
import { createRng, logNormal, pick, pickWeighted, poisson } from '../simulator/random'
import type { PartyService } from './party-service'
import { yearStart } from './party-summary'
import type { ProjectRecord } from './project-book'
import { IllegalProjectTransitionError } from './project-workflow'

/** Fuqing's 230 problems a year, over the days of a year. */
export const PROJECTS_PER_DAY = 230 / 365
/** Share of projects that overrun their deadline unrated (Fuqing: > 98 % closed). */
export const STALLED_SHARE = 0.015
/** Share of projects escalated from a case (the rest a branch raises itself at 说事会). */
const FROM_CASE_SHARE = 0.4
/** 12345 centres: most callers are called back within the hour; a few wait past the 2 h limit. */
const CONTACT_MINUTES = { median: 35, spread: 0.8 }
const RESOLVED_SHARE = 0.93
const RATINGS: readonly { level: SatisfactionLevel; share: number }[] = [
  { level: 'satisfied', share: 0.8 }, { level: 'basicallySatisfied', share: 0.13 }, { level: 'neutral', share: 0.05 }, { level: 'dissatisfied', share: 0.02 },
]
const TITLES = [
  '老旧小区加装电梯协调', '楼道堆物集中清理', '小区停车难整治', '背街小巷路灯修复', '雨污管网疏通', '垃圾分类驿站设置', '独居老人适老化改造',
  '电动车集中充电桩安装', '占道经营劝导整治', '楼顶违建劝拆', '小区绿地补植', '健身器材维修更换', '二次供水水箱清洗', '飞线充电隐患排查',
]
const MEMBERS = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '郑', '何'].flatMap((s) => ['建平', '丽清', '志华', '秀兰', '文辉', '美华'].map((g) => s + g))
/** Days after the previous step that each action follows (median, spread). */
const STEP_DAYS: Record<ProjectAction, { median: number; spread: number }> = {
  claim: { median: 0.6, spread: 0.6 }, discuss: { median: 1.5, spread: 0.5 }, decide: { median: 1, spread: 0.5 },
  deliver: { median: 6, spread: 0.6 }, rate: { median: 1.5, spread: 0.5 },
}
const ACTIONS: readonly ProjectAction[] = ['claim', 'discuss', 'decide', 'deliver', 'rate']
/** The creation note of the demo's own projects (shown in their history, and how it knows them). */
export const SIMULATED_NOTE = '演示数据：说事会派单'

function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

interface Arrival { at: EpochMs; branch: PartyOrg; title: string; deadlineDays: number; fromCase: boolean }

export class PartySimulator {
  private lastArrivalAt: EpochMs

  constructor(private readonly service: PartyService, private readonly seed: number) {
    let last = -Infinity
    for (const p of service.projects.all()) last = Math.max(last, p.createdAt)
    // A fresh demo starts with this year's projects so far (its figures are "this year").
    this.lastArrivalAt = Number.isFinite(last) ? last : yearStart(service.district.clock.now()) - 1
  }

  /** Everything due by `now`: new projects, their next steps, 12345 follow-ups. */
  advance(now: EpochMs): void {
    for (const arrival of this.arrivalsBetween(this.lastArrivalAt, now)) this.create(arrival)
    // Only its own projects: one a person created through the API is theirs to move.
    for (const p of [...this.service.projects.all()]) if (p.step !== 'rated' && p.history[0]?.note === SIMULATED_NOTE) this.walk(p, now)
    this.followUps(now)
  }

  private branches(): PartyOrg[] {
    return this.service.orgs().filter((o) => o.level === 'gridGeneralBranch' || o.level === 'estateBranch')
  }

  /** Arrivals in (from, to], day by day: each day's count and times drawn from that day's own generator. */
  private arrivalsBetween(from: EpochMs, to: EpochMs): Arrival[] {
    const branches = this.branches()
    if (branches.length === 0 || to <= from) return []
    const out: Arrival[] = []
    for (let day = cstDayStart(Math.max(from, to - 400 * DAY_MS)); day <= to; day += DAY_MS) {
      const rng = createRng(hash(`day:${day}`, this.seed))
      const count = poisson(rng, PROJECTS_PER_DAY)
      for (let i = 0; i < count; i++) {
        // Raised in office hours, 09:00–17:00.
        const at = day + (9 + rng() * 8) * 3600_000
        const arrival = { at, branch: pick(rng, branches), title: pick(rng, TITLES), deadlineDays: 10 + Math.floor(rng() * 21), fromCase: rng() < FROM_CASE_SHARE }
        if (at > from && at <= to) out.push(arrival)
      }
    }
    return out.sort((a, b) => a.at - b.at)
  }

  private create(a: Arrival): void {
    const district = this.service.district
    // Escalated from a case of its grid still in memory (older ones are gone from memory: raised by the branch).
    // Not one escalated already: one case, one project (as the API keeps it).
    const escalated = new Set([...this.service.projects.all()].map((p) => p.caseId))
    const cases = a.fromCase ? [...district.cases.all()].filter((c) => c.gridCode === a.branch.areaCode && c.reportedAt <= a.at && !escalated.has(c.id)) : []
    const source = cases.length > 0 ? cases[cases.length - 1] : null
    this.service.projects.create({
      title: a.title, description: source ? `由案件${source.id}升级：${source.description}` : `${a.branch.name}说事会议题：${a.title}`,
      caseId: source?.id ?? null, branchCode: a.branch.code, branchName: a.branch.name, gridCode: a.branch.areaCode,
      deadlineAt: a.at + a.deadlineDays * DAY_MS, at: a.at, actor: `${a.branch.secretary}（党建办）`, note: SIMULATED_NOTE,
    })
    this.lastArrivalAt = a.at
  }

  /** The project's own plan (from its id), applied up to `now`. */
  private walk(p: ProjectRecord, now: EpochMs): void {
    const rng = createRng(hash(`project:${p.id}`, this.seed))
    const stalled = rng() < STALLED_SHARE
    let at = p.createdAt
    for (const action of ACTIONS) {
      at += logNormal(rng, STEP_DAYS[action].median, STEP_DAYS[action].spread) * DAY_MS
      const members = [pick(rng, MEMBERS), pick(rng, MEMBERS)].filter((m, i, all) => all.indexOf(m) === i)
      const rating = pickWeighted(rng, RATINGS, (r) => r.share).level
      if (stalled && action === 'deliver') return
      if (p.history.some((t) => t.action === action)) continue
      const when = Math.max(at, p.stepAt + 60_000)
      if (when > now) return
      const actor = action === 'rate' ? '群众评议（监督中心）' : `${this.service.org(p.branchCode)?.secretary ?? '支部书记'}（党建办）`
      try {
        p = this.service.projects.act(p.id, action, { at: when, actor, note: null, leadMembers: action === 'claim' ? members : undefined, rating: action === 'rate' ? rating : undefined })
      } catch (error) {
        // A person moved it another way through the API: their action stands.
        if (error instanceof IllegalProjectTransitionError) return
        throw error
      }
    }
  }

  /** 先行联系 once its time has come; 实际解决 and 满意度 half an hour or more after closing. */
  private followUps(now: EpochMs): void {
    const current = this.service.followUps()
    for (const c of this.service.district.cases.all()) {
      if (c.source !== 'hotline' || c.step === 'cancelled') continue
      const had = current.get(c.id)
      if (had?.satisfaction != null) continue
      const rng = createRng(hash(`hotline:${c.id}`, this.seed))
      const contactAt = c.reportedAt + logNormal(rng, CONTACT_MINUTES.median, CONTACT_MINUTES.spread) * 60_000
      const resolved = rng() < RESOLVED_SHARE
      const level = pickWeighted(rng, RATINGS, (r) => r.share).level
      const asked = c.closedAt != null ? c.closedAt + (30 + rng() * 240) * 60_000 : null
      const next: HotlineFollowUp = {
        caseId: c.id,
        firstContactAt: contactAt <= now ? Math.round(contactAt) : null,
        resolved: asked != null && asked <= now ? resolved : null,
        satisfaction: asked != null && asked <= now ? (resolved ? level : 'dissatisfied' as const) : null,
        updatedAt: now,
      }
      if (next.firstContactAt === (had?.firstContactAt ?? null) && next.resolved === (had?.resolved ?? null)) continue
      this.service.saveFollowUp(next)
    }
  }
}


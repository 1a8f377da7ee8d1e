// Every 党员领办 project: created by a branch (支部派单), moved round the loop by actions. As the case
// book does, each change is written to the journal (the store) first and applied to memory only once
// the journal has it, so memory and database never disagree; the history rows replay a project.
// Projects are few (Fuqing: 230 a year), so all of them stay in memory.
import type { EpochMs } from '../contract/domain'
import type {
  ProjectAction, ProjectDetail, ProjectStep, ProjectSummary, ProjectTransition, SatisfactionLevel, ShuoshiStage,
} from '../contract/party'
import { SHUOSHI_STAGE_OF } from '../contract/party'
import { cstDayKey } from '../domain/china-time'
import { allowedProjectActions, nextProjectStep } from './project-workflow'

export interface ProjectRecord extends Omit<ProjectSummary, 'overdue'> {
  description: string
  history: ProjectTransition[]
}

export interface ProjectJournal {
  /** Saves a project's new state with the line that made it, in one transaction; throws if it cannot. */
  saveProject(record: ProjectRecord, transition: ProjectTransition): void
  /** The highest 项目号 stored for a yyyyMMdd day, or null. */
  lastProjectIdOfDay(day: string): string | null
}

export interface NewProject {
  title: string
  description: string
  caseId: string | null
  branchCode: string
  branchName: string
  gridCode: string
  deadlineAt: EpochMs
  at: EpochMs
  actor: string
  note: string | null
}

export interface ProjectActionInput {
  at: EpochMs
  actor: string
  note: string | null
  leadMembers?: readonly string[]
  rating?: SatisfactionLevel
}

export type ProjectListener = (record: ProjectRecord, transition: ProjectTransition) => void

export class ProjectBook {
  private readonly projects = new Map<string, ProjectRecord>()
  private readonly listeners: ProjectListener[] = []

  constructor(private readonly journal: ProjectJournal, stored: readonly ProjectRecord[] = []) {
    for (const p of stored) this.projects.set(p.id, p)
  }

  get(id: string): ProjectRecord | undefined {
    return this.projects.get(id)
  }

  all(): IterableIterator<ProjectRecord> {
    return this.projects.values()
  }

  onChange(listener: ProjectListener): void {
    this.listeners.push(listener)
  }

  /** 支部派单: the project is raised (问) and handed out by its branch. */
  create(input: NewProject): ProjectRecord {
    const id = this.nextId(input.at)
    const transition: ProjectTransition = { projectId: id, step: 'assigned', action: 'assign', at: input.at, actor: input.actor, note: input.note }
    const record: ProjectRecord = {
      id, title: input.title, description: input.description, origin: input.caseId ? 'case' : 'own', caseId: input.caseId,
      branchCode: input.branchCode, branchName: input.branchName, gridCode: input.gridCode, leadMembers: [],
      step: 'assigned', createdAt: input.at, stepAt: input.at, deadlineAt: input.deadlineAt, rating: null, history: [transition],
    }
    return this.commit(record, transition)
  }

  /** Moves a project by one action; IllegalProjectTransitionError from the wrong step. */
  act(id: string, action: ProjectAction, input: ProjectActionInput): ProjectRecord {
    const current = this.projects.get(id)
    if (!current) throw new Error(`no project ${id}`)
    const step: ProjectStep = nextProjectStep(current.step, action)
    const transition: ProjectTransition = { projectId: id, step, action, at: input.at, actor: input.actor, note: input.note }
    const record: ProjectRecord = {
      ...current, step, stepAt: input.at, history: [...current.history, transition],
      leadMembers: action === 'claim' && input.leadMembers ? [...input.leadMembers] : current.leadMembers,
      rating: action === 'rate' && input.rating ? input.rating : current.rating,
    }
    return this.commit(record, transition)
  }

  private commit(record: ProjectRecord, transition: ProjectTransition): ProjectRecord {
    this.journal.saveProject(record, transition)   // throws before memory changes if the store cannot write
    this.projects.set(record.id, record)
    for (const l of this.listeners) l(record, transition)
    return record
  }

  /** XM + yyyyMMdd + a 3-digit number of the day, never reusing one the store holds. */
  private nextId(at: EpochMs): string {
    const day = cstDayKey(at).replaceAll('-', '')
    const prefix = `XM${day}`
    let last = 0
    const stored = this.journal.lastProjectIdOfDay(day)
    if (stored) last = Number(stored.slice(prefix.length))
    for (const id of this.projects.keys()) if (id.startsWith(prefix)) last = Math.max(last, Number(id.slice(prefix.length)))
    return `${prefix}${String(last + 1).padStart(3, '0')}`
  }
}

export function projectSummary(r: ProjectRecord, now: EpochMs): ProjectSummary {
  return {
    id: r.id, title: r.title, origin: r.origin, caseId: r.caseId, branchCode: r.branchCode, branchName: r.branchName, gridCode: r.gridCode,
    leadMembers: [...r.leadMembers], step: r.step, createdAt: r.createdAt, stepAt: r.stepAt, deadlineAt: r.deadlineAt, rating: r.rating,
    overdue: r.step !== 'rated' && now > r.deadlineAt,
  }
}

export function projectDetail(r: ProjectRecord, now: EpochMs): ProjectDetail {
  const shuoshi: Record<ShuoshiStage, EpochMs | null> = { ask: null, discuss: null, decide: null, do: null, rate: null }
  for (const t of r.history) {
    const stage = SHUOSHI_STAGE_OF[t.step]
    if (stage && shuoshi[stage] == null) shuoshi[stage] = t.at
  }
  return { ...projectSummary(r, now), description: r.description, history: [...r.history], shuoshi, allowedActions: allowedProjectActions(r.step) }
}

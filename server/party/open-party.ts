// 党建引领, 12345 and 综合评价 beside the district: their store (store.party, in the wall's database), the demo's
// organisations on first start, the demo's activity on the demo clock, and their routes. createApp
// mounts `routers` and calls `close` on stop.
import type { Router } from 'express'
import type { District } from '../domain/district'
import type { WallStore } from '../store/wall-store'
import { guardedInterval } from '../boot/guarded-interval'
import type { AccessConfig } from '../http/access'
import { createEvaluationRouter } from '../evaluation/evaluation-router'
import { demoPartyOrgs } from './demo-party'
import { createPartyRouter } from './party-router'
import { PartyService } from './party-service'
import { PartySimulator } from './party-simulator'

/** How often (wall time) the demo's party activity catches up with the demo clock. */
const SIMULATE_EVERY_MS = 5_000

export interface PartyParts {
  service: PartyService
  simulator: PartySimulator | null
  routers: Router[]
  close(): void
}

export function openParty(options: { store: WallStore; district: District; access: AccessConfig; isDemo: boolean; simulate: boolean; seed: number }): PartyParts {
  const { district } = options
  const service = new PartyService(district, options.store.party)
  if (options.isDemo && service.orgs().length === 0) {
    service.replaceOrgs(demoPartyOrgs(district.tree, new Map(Object.entries(district.profiles)), options.seed))
  }
  const simulator = options.isDemo && options.simulate ? new PartySimulator(service, options.seed) : null
  simulator?.advance(district.clock.now())
  const timer = simulator ? guardedInterval('party simulator', () => simulator.advance(district.clock.now()), SIMULATE_EVERY_MS) : null
  return {
    service, simulator,
    routers: [createPartyRouter({ service, access: options.access }), createEvaluationRouter({ service, access: options.access })],
    close() {
      if (timer) clearInterval(timer)
    },
  }
}

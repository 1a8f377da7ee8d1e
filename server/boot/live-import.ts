// An import through the API takes effect on the running walls: the new hierarchy is built first (so
// a failure changes nothing), stored together with the inspectors' new grids, swapped into the
// district, open cases of removed grids are filed under the grid they lie in, the simulator re-plans
// its rounds, and every wall gets a fresh snapshot.
import type { AreaProfile } from '../contract/domain'
import { rollUpProfiles } from '../domain/area-profiles'
import { AreaTree, type AreaFeature } from '../domain/area-tree'
import type { District } from '../domain/district'
import type { ImportApply } from '../http/import-router'
import type { WallStore } from '../store/wall-store'
import { planRegrid } from './regrid-after-import'

export interface LiveImportHooks {
  /** Every wall gets the new picture. */
  announce(): void
  /** The areas changed under whoever walks them (the simulator). */
  areasReplaced?(): void
}

export function liveImport(district: District, store: WallStore, hooks: LiveImportHooks): ImportApply {
  return {
    areas(features: AreaFeature[]) {
      const tree = new AreaTree(features)
      const plan = planRegrid(district, tree)
      store.transaction(() => {
        store.replaceAreas(features)
        for (const [id, gridCode] of plan.inspectors) store.saveInspector({ ...district.inspectors.info(id)!, gridCode })
      })
      district.tree = tree
      for (const [id, gridCode] of plan.inspectors) district.inspectors.reassign(id, gridCode)
      district.profiles = rollUpProfiles(tree, store.loadProfiles())
      try {
        for (const [id, gridCode] of plan.cases) district.cases.moveToGrid(id, gridCode)
      } catch (error) {
        // The import stands; a case not moved keeps its old code and counts for the district only.
        console.error('import: open cases not all moved to their new grids', error)
      }
      hooks.areasReplaced?.()
      hooks.announce()
    },
    statistics(profiles: Map<string, AreaProfile>) {
      store.saveProfiles(profiles)
      district.profiles = rollUpProfiles(district.tree, store.loadProfiles())
      hooks.announce()
    },
    knownCodes: () => new Set(district.tree.all().map((a) => a.code)),
    profiles: () => store.loadProfiles(),
  }
}

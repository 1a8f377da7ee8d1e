// An import through the API takes effect on the running walls: the new hierarchy is built first (so
// a failure changes nothing), stored, swapped into the district, and every wall gets a fresh snapshot.
// Demo inspectors keep walking their old rounds until the next start.
import type { AreaProfile } from '../contract/domain'
import { rollUpProfiles } from '../domain/area-profiles'
import { AreaTree, type AreaFeature } from '../domain/area-tree'
import type { District } from '../domain/district'
import type { ImportApply } from '../http/import-router'
import type { WallStore } from '../store/wall-store'

export function liveImport(district: District, store: WallStore, announce: () => void): ImportApply {
  return {
    areas(features: AreaFeature[]) {
      const tree = new AreaTree(features)
      store.replaceAreas(features)
      district.tree = tree
      district.profiles = rollUpProfiles(tree, store.loadProfiles())
      announce()
    },
    statistics(profiles: Map<string, AreaProfile>) {
      store.saveProfiles(profiles)
      district.profiles = rollUpProfiles(district.tree, store.loadProfiles())
      announce()
    },
    knownCodes: () => new Set(district.tree.all().map((a) => a.code)),
    profiles: () => store.loadProfiles(),
  }
}

// What every panel of the community screen reads: the shown community's board, its arrival time, and
// the community itself from the area tree.
import { computed } from 'vue'
import { useAreasStore } from '../stores/areas'
import { useCommunityStore } from '../stores/community'

export function useCommunityBoard() {
  const community = useCommunityStore()
  const areas = useAreasStore()
  return {
    community,
    board: computed(() => community.board),
    boardAt: computed(() => (community.board ? community.boardAt : null)),
    area: computed(() => (community.code ? areas.areas.get(community.code) ?? null : null)),
    grids: computed(() => (community.code ? areas.gridsUnder(community.code) : new Set<string>())),
  }
}

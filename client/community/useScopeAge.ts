// When the server last sent the shown community's scoped figures ('scope:updated', every stats tick
// to the walls focused there): the age of the panels drawn from cases and the area's statistics.
import { computed, type ComputedRef } from 'vue'
import { useCommunityStore } from '../stores/community'
import { useFocusStore } from '../stores/focus'

export function useScopeAge(): ComputedRef<number | null> {
  const focus = useFocusStore()
  const community = useCommunityStore()
  return computed(() => (focus.detail != null && focus.detail.code === community.code ? focus.receivedAt : null))
}

// The CST hour of district time (the simulator may run faster than this PC's clock), re-read when the
// board arrives: the hourly charts end at the present hour.
import { computed, type ComputedRef } from 'vue'
import { cstHour } from '../panels/options/trend'
import { useConnectionStore } from '../stores/connection'
import { useCommunityStore } from '../stores/community'

export function useDistrictHour(): ComputedRef<number> {
  const connection = useConnectionStore()
  const community = useCommunityStore()
  return computed(() => {
    void community.boardAt
    return cstHour(connection.domainNow())
  })
}

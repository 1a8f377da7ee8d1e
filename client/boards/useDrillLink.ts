// The link a ranking row or an indicator opens: the ranking board at the same area, with the
// subject (and indicator) the score drawer explains in the query, so a drill is a deep link too.
import { useFocusStore } from '../stores/focus'
import type { IndicatorId, SubjectKind } from '../../server/contract/evaluation'
import { boardPath } from './board-routes'

export function useDrillLink(): (kind: SubjectKind | 'overall', subject: string, indicator?: IndicatorId) => { path: string; query: Record<string, string> } {
  const focus = useFocusStore()
  return (kind, subject, indicator) => ({
    path: boardPath('ranking', focus.code),
    query: indicator ? { kind, subject, indicator } as Record<string, string> : { kind, subject },
  })
}

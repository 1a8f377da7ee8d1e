// The part a server process plays (issue #12). One process alone is `single`; with several nodes on
// PostgreSQL, the holder of the leader lock is `leader` and the others `standby`.
export type NodeRole = 'single' | 'leader' | 'standby'

export const NODE_ROLES: readonly NodeRole[] = ['single', 'leader', 'standby']

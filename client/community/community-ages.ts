// How soon each source of the community screen counts as late (PanelFrame turns its age amber).
// The board is pushed when its figures move: gate counters report every minute (district time), so
// two missed minutes and a tick is late. Polled figures follow the boards' rule (client/boards/).
export { BOARD_STALE_MS as POLLED_STALE_MS } from '../boards/board-feeds'

export const BOARD_STALE_MS = 150_000

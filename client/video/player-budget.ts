// A wall never keeps more than N players decoding at once: each decoder holds a MediaSource, its
// buffers and a hardware decoder slot, and a wall PC runs for weeks. A tile asks for a slot, plays
// only while it holds one, and gives it back when it closes or scrolls away; the longest-waiting
// tile gets the freed slot (first come, first served).

/** One tile's place in the budget. */
export interface PlayerTicket {
  /** True while this tile may decode. */
  readonly granted: boolean
  /** Leave the budget (a held slot goes to the next waiting tile). Idempotent. */
  release(): void
}

export interface PlayerBudget {
  readonly max: number
  /** Ask for a slot; `onGranted` runs when it is given (at once if one is free). */
  acquire(onGranted: () => void): PlayerTicket
  /** Tiles decoding now. */
  readonly active: number
  /** Tiles waiting for a slot. */
  readonly waiting: number
}

export const DEFAULT_MAX_PLAYERS = 4

export function createPlayerBudget(max: number = DEFAULT_MAX_PLAYERS): PlayerBudget {
  if (!Number.isInteger(max) || max < 0) throw new Error(`player budget: max must be an integer ≥ 0, got ${max}`)
  const holders = new Set<Ticket>()
  const queue: Ticket[] = []

  interface Ticket extends PlayerTicket { granted: boolean; released: boolean; onGranted: () => void }

  function grantNext(): void {
    while (holders.size < max && queue.length > 0) {
      const next = queue.shift()!
      next.granted = true
      holders.add(next)
      next.onGranted()
    }
  }

  return {
    max,
    get active() { return holders.size },
    get waiting() { return queue.length },
    acquire(onGranted) {
      const ticket: Ticket = {
        granted: false,
        released: false,
        onGranted,
        release() {
          if (ticket.released) return
          ticket.released = true
          if (ticket.granted) {
            ticket.granted = false
            holders.delete(ticket)
            grantNext()
          } else {
            const at = queue.indexOf(ticket)
            if (at >= 0) queue.splice(at, 1)
          }
        },
      }
      queue.push(ticket)
      grantNext()
      return ticket
    },
  }
}

/** `?maxPlayers=` of the page (an integer ≥ 0), else the default. */
export function pageMaxPlayers(search: string = typeof location === 'undefined' ? '' : location.search): number {
  const asked = new URLSearchParams(search).get('maxPlayers')
  if (asked === null || !/^\d{1,3}$/.test(asked)) return DEFAULT_MAX_PLAYERS
  return Number(asked)
}

let pageBudget: PlayerBudget | undefined

/** The one budget of this wall page, shared by every camera tile and drawer. */
export function playerBudget(): PlayerBudget {
  pageBudget ??= createPlayerBudget(pageMaxPlayers())
  return pageBudget
}

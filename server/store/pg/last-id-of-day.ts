// The highest id of each day (案卷号 yyyyMMdd…, 项目号 XMyyyyMMdd…), kept in memory by the PostgreSQL
// stores so the books' numbering can ask synchronously, as they ask SQLite. Loaded once at open (one
// row per day) and moved forward by every id this node writes: only the leader writes, so nothing
// else can number a case meanwhile.
import type { Sql } from './pg-pool'

/** Longer is later (a day's 10,000th case, …10000, sorts below …9999 as text), then greater. */
const later = (a: string, b: string) => a.length > b.length || (a.length === b.length && a > b)

export class LastIdOfDay {
  private readonly byDay = new Map<string, string>()

  constructor(private readonly prefixLength: number) {}

  /** Loads the last id of every day from `table` (whose ids all start with the day). */
  async load(sql: Sql, table: 'cases' | 'party_projects'): Promise<void> {
    const day = `left(id, ${this.prefixLength})`
    const { rows } = await sql.query<{ id: string }>(`SELECT DISTINCT ON (${day}) id FROM ${table} ORDER BY ${day}, length(id) DESC, id COLLATE "C" DESC`)
    for (const { id } of rows) this.note(id)
  }

  note(id: string): void {
    const day = id.slice(0, this.prefixLength)
    const had = this.byDay.get(day)
    if (!had || later(id, had)) this.byDay.set(day, id)
  }

  /** `prefix` is the day as ids start with it (yyyyMMdd, or XMyyyyMMdd). */
  last(prefix: string): string | null {
    return this.byDay.get(prefix) ?? null
  }
}

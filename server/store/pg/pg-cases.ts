// Cases, their history, reporters' contacts and Open311 client update ids in PostgreSQL, with the
// SQLite store's semantics and row mappers (case-rows.ts): a report inserts (an id already stored is
// an error, never an overwrite), anything else updates the case's changing columns (photos,
// attributes and address are the report's); contacts go to their own table. Writes take the `Sql` of
// the caller's transaction, so a leader commits a whole queue of them at once; reads use the pool.
// JSON columns are read back as text, the form the shared mappers parse.
import { wholeMs } from '../rows'
import type { CaseRecord } from '../../domain/case-book'
import type { CaseQuery } from '../../domain/case-query'
import { hasContact, type ReporterContact } from '../../domain/reporter-contact'
import type { CaseTransition } from '../../contract/domain'
import { caseFromRow, caseParams, caseUpdateFromRow, reporterFromRow, transitionsByCase, type CaseRow, type ReporterRow, type TransitionRow } from '../case-rows'
import type { CaseUpdateQuery, StoredCaseUpdate } from '../wall-store'
import type { Sql } from './pg-pool'

const CASE_COLUMNS = `id, category_code, source, grid_code, lng, lat, located, description, media_url,
  media_urls::text AS media_urls, attributes::text AS attributes, address, step, reported_at, step_at, due_at,
  step_limit_minutes, deadline, rework_count, reporter_id, department, furthest, handle_due_at, handled_at, closed_at`
const INSERT_ORDER: (keyof CaseRow)[] = ['id', 'category_code', 'source', 'grid_code', 'lng', 'lat', 'located', 'description', 'media_url',
  'media_urls', 'attributes', 'address', 'step', 'reported_at', 'step_at', 'due_at', 'step_limit_minutes', 'deadline', 'rework_count',
  'reporter_id', 'department', 'furthest', 'handle_due_at', 'handled_at', 'closed_at']
const INSERT_CASE = `INSERT INTO cases (${INSERT_ORDER.join(', ')}) VALUES (${INSERT_ORDER.map((_, i) => `$${i + 1}`).join(', ')})`
/** What a later change may touch: everything but the report's photos, attributes and address. */
const UPDATE_ORDER: (keyof CaseRow)[] = ['category_code', 'source', 'grid_code', 'lng', 'lat', 'located', 'description', 'media_url', 'step',
  'reported_at', 'step_at', 'due_at', 'step_limit_minutes', 'deadline', 'rework_count', 'reporter_id', 'department', 'furthest',
  'handle_due_at', 'handled_at', 'closed_at']
const UPDATE_CASE = `UPDATE cases SET ${UPDATE_ORDER.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`

/** Transitions of the given cases, grouped by case in seq order. */
async function transitionsOf(sql: Sql, ids: readonly string[]): Promise<Map<string, TransitionRow[]>> {
  const { rows } = await sql.query<TransitionRow>('SELECT * FROM case_transitions WHERE case_id = ANY($1::text[]) ORDER BY case_id, seq', [ids])
  return transitionsByCase(rows)
}

async function withHistories(sql: Sql, rows: CaseRow[]): Promise<CaseRecord[]> {
  if (rows.length === 0) return []
  const byCase = await transitionsOf(sql, rows.map((r) => r.id))
  return rows.map((row) => caseFromRow(row, byCase.get(row.id) ?? []))
}

/** Writes a case with the transition that changed it (inside the caller's transaction). */
export async function saveCase(sql: Sql, record: CaseRecord, transition: CaseTransition | null, contact?: ReporterContact | null): Promise<void> {
  const row = caseParams(record)
  if (transition?.action === 'report') {
    await sql.query(INSERT_CASE, INSERT_ORDER.map((c) => row[c]))
  } else {
    const { rowCount } = await sql.query(UPDATE_CASE, [row.id, ...UPDATE_ORDER.map((c) => row[c])])
    if (rowCount !== 1) throw new Error(`case ${record.id} is not in the store`)
  }
  if (contact && hasContact(contact)) {
    await sql.query(`INSERT INTO case_reporters (case_id, first_name, last_name, phone, email, account_id, device_id)
      VALUES ($1, $2, $3, $4, $5, $6, $7)`, [record.id, contact.firstName, contact.lastName, contact.phone, contact.email, contact.accountId, contact.deviceId])
  }
  if (transition) {
    await sql.query(`INSERT INTO case_transitions (case_id, seq, step, action, at, actor, note, media_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [record.id, record.history.length - 1, transition.step, transition.action, wholeMs(transition.at), transition.actor, transition.note, transition.mediaUrl ?? null])
  }
}

/** Remembers an Open311 client's update id with its line (inside the transaction that adds the line). */
export async function saveClientUpdateSeq(sql: Sql, caseId: string, clientUpdateId: string, seq: number): Promise<void> {
  await sql.query('INSERT INTO open311_client_updates (case_id, client_update_id, seq) VALUES ($1, $2, $3)', [caseId, clientUpdateId, seq])
}

/** The highest 案卷号 stored for a yyyyMMdd day (ids are the day + at least 4 digits: the longest, then the greatest). */
export async function lastCaseIdOfDay(sql: Sql, day: string): Promise<string | null> {
  const { rows } = await sql.query<{ id: string }>(`SELECT id FROM cases WHERE id >= $1 AND id < $2 ORDER BY length(id) DESC, id DESC LIMIT 1`, [day, `${day}~`])
  return rows[0]?.id ?? null
}

export async function reporterContact(sql: Sql, caseId: string): Promise<(ReporterContact & { legacyText: string | null }) | null> {
  const { rows } = await sql.query<ReporterRow>('SELECT * FROM case_reporters WHERE case_id = $1', [caseId])
  return rows[0] ? reporterFromRow(rows[0]) : null
}

/** Open cases, and cases that changed since `since`, with their histories (a starting leader's memory). */
export async function loadCases(sql: Sql, since: number): Promise<CaseRecord[]> {
  const { rows } = await sql.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases
    WHERE step NOT IN ('closed', 'cancelled') OR step_at >= $1 ORDER BY reported_at, id`, [Math.ceil(since)])
  return withHistories(sql, rows)
}

/** Cases matching a query, newest report first. */
export async function findCases(sql: Sql, { ids, categoryCodes, steps, reportedFrom, reportedTo, limit }: CaseQuery): Promise<CaseRecord[]> {
  const where: string[] = []
  const values: unknown[] = []
  const bind = (value: unknown) => `$${values.push(value)}`
  if (ids) where.push(`id = ANY(${bind(ids)}::text[])`)
  if (categoryCodes) where.push(`category_code = ANY(${bind(categoryCodes)}::text[])`)
  if (steps) where.push(`step = ANY(${bind(steps)}::text[])`)
  if (reportedFrom != null) where.push(`reported_at >= ${bind(Math.ceil(reportedFrom))}`)
  if (reportedTo != null) where.push(`reported_at <= ${bind(Math.floor(reportedTo))}`)
  const { rows } = await sql.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY reported_at DESC, id DESC LIMIT ${bind(limit)}`, values)
  return withHistories(sql, rows)
}

/** Lines after the report stamped in [from, to] of cases from `source`, oldest first. */
export async function caseUpdates(sql: Sql, { from, to, source, limit }: CaseUpdateQuery): Promise<StoredCaseUpdate[]> {
  const { rows } = await sql.query<TransitionRow & { department: string | null }>(`SELECT t.*, c.department
    FROM case_transitions t JOIN cases c ON c.id = t.case_id
    WHERE t.at >= $1 AND t.at <= $2 AND t.action <> 'report' AND c.source = $3 ORDER BY t.at, t.case_id, t.seq LIMIT $4`, [Math.ceil(from), Math.floor(to), source, limit])
  return rows.map(caseUpdateFromRow)
}

export async function clientUpdateSeq(sql: Sql, caseId: string, clientUpdateId: string): Promise<number | null> {
  const { rows } = await sql.query<{ seq: number }>('SELECT seq FROM open311_client_updates WHERE case_id = $1 AND client_update_id = $2', [caseId, clientUpdateId])
  return rows[0]?.seq ?? null
}

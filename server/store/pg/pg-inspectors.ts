// Inspectors (phone ↔ person ↔ grid) and the store's key–value meta in PostgreSQL, as in SQLite:
// a save replaces the row of the same id or key.
import type { InspectorInfo } from '../../contract/domain'
import type { Sql } from './pg-pool'

export async function loadInspectors(sql: Sql): Promise<InspectorInfo[]> {
  const { rows } = await sql.query<{ id: number; device_id: string; name: string; grid_code: string }>(
    'SELECT id, device_id, name, grid_code FROM inspectors ORDER BY id')
  return rows.map((r) => ({ id: r.id, deviceId: r.device_id, name: r.name, gridCode: r.grid_code }))
}

export async function saveInspector(sql: Sql, info: InspectorInfo): Promise<void> {
  // SQLite's INSERT OR REPLACE also drops another inspector holding this phone (device_id is unique).
  await sql.query('DELETE FROM inspectors WHERE device_id = $1 AND id <> $2', [info.deviceId, info.id])
  await sql.query(`INSERT INTO inspectors (id, device_id, name, grid_code) VALUES ($1, $2, $3, $4)
    ON CONFLICT (id) DO UPDATE SET device_id = excluded.device_id, name = excluded.name, grid_code = excluded.grid_code`,
  [info.id, info.deviceId, info.name, info.gridCode])
}

export async function getMeta(sql: Sql, key: string): Promise<string | undefined> {
  const { rows } = await sql.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key])
  return rows[0]?.value
}

export async function setMeta(sql: Sql, key: string, value: string): Promise<void> {
  await sql.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value])
}

// The area hierarchy and the areas' own statistics in PostgreSQL, as the SQLite store keeps them:
// each feature's GeoJSON as imported (PostGIS derives the geometry column from it), its other
// properties apart, the import's order kept. A hierarchy is replaced whole in one transaction, sent
// as arrays (one statement for 15,000 grids, not 15,000).
import type { AreaProfile } from '../../contract/domain'
import type { AreaFeature } from '../../domain/area-tree'
import { areaFromRow, areaValues, PROFILE_COLUMNS, profileFromRow, type AreaRow, type ProfileRow } from '../rows'
import { toColumns } from './pg-columns'
import type { Sql } from './pg-pool'

export async function loadAreas(sql: Sql): Promise<AreaFeature[] | null> {
  const { rows } = await sql.query<AreaRow>('SELECT code, name, level, parent_code, geometry::text AS geometry, extra::text AS extra FROM areas ORDER BY ord')
  return rows.length === 0 ? null : rows.map(areaFromRow)
}

/** Replaces the hierarchy (and the statistics of areas, when given), inside the caller's transaction. */
export async function replaceAreas(sql: Sql, features: readonly AreaFeature[], profiles?: ReadonlyMap<string, AreaProfile>): Promise<void> {
  await sql.query('DELETE FROM areas')
  if (features.length > 0) {
    const columns = toColumns(features.map(areaValues), 7)
    await sql.query(`INSERT INTO areas (code, name, level, parent_code, geometry, extra, ord)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::int[])`, columns)
  }
  if (profiles) {
    await sql.query('DELETE FROM area_profiles')
    await saveProfiles(sql, profiles)
  }
}

export async function loadProfiles(sql: Sql): Promise<Map<string, AreaProfile>> {
  const { rows } = await sql.query<ProfileRow>('SELECT * FROM area_profiles')
  return new Map(rows.map((r) => [r.code, profileFromRow(r)]))
}

/** Upserts the statistics of the given areas; the others keep theirs. */
export async function saveProfiles(sql: Sql, profiles: ReadonlyMap<string, AreaProfile>): Promise<void> {
  if (profiles.size === 0) return
  const names = PROFILE_COLUMNS.map(([, column]) => column)
  const codes = [...profiles.keys()]
  const arrays = PROFILE_COLUMNS.map(([key]) => codes.map((code) => profiles.get(code)![key]))
  await sql.query(`INSERT INTO area_profiles (code, ${names.join(', ')})
    SELECT * FROM unnest($1::text[], ${names.map((_, i) => `$${i + 2}::int[]`).join(', ')})
    ON CONFLICT (code) DO UPDATE SET ${names.map((n) => `${n} = excluded.${n}`).join(', ')}`, [codes, ...arrays])
}

/** The grid whose polygon holds the point (PostGIS, by the GiST index on the polygons), or null. */
export async function gridAt(sql: Sql, lng: number, lat: number): Promise<string | null> {
  const { rows } = await sql.query<{ code: string }>(`SELECT code FROM areas
    WHERE level = 'grid' AND ST_Intersects(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) ORDER BY ord LIMIT 1`, [lng, lat])
  return rows[0]?.code ?? null
}

// Rows as column arrays: a batch goes to PostgreSQL as one array parameter per column, unnested by
// the server (INSERT … SELECT FROM unnest($1::text[], …)), one statement whatever its size.
export function toColumns(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: width }, () => new Array(rows.length))
  rows.forEach((row, i) => { for (let c = 0; c < width; c++) columns[c][i] = row[c] })
  return columns
}

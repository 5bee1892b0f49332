import type Database from 'better-sqlite3'

// Planner statistics that describe a database at the scale sizes (issue 18, decision record 045),
// written into sqlite_stat1 of a small test database so that EXPLAIN QUERY PLAN shows the plans a
// 100,000-call database gets. Each index's row says how many rows its table has and, for each
// leading prefix of its columns, how many rows share one value on average; the figures are
// guessed from the column's name (a status has a few values, an id is near unique …).

/** Rows per table at the scale sizes (`npm run seed:scale` defaults and their proportions). */
export const SCALE_ROWS: Record<string, number> = {
  calls: 100_000,
  test_bed_offers: 100_000,
  organisations: 200_000,
  bids: 1_000_000,
  reference_cases: 20_000,
  pilot_applications: 50_000,
  initiatives: 10_000,
  company_contacts: 100_000,
  events: 10_000,
  ocds_releases: 300_000,
  notifications: 500_000,
  updates: 200_000,
  call_themes: 200_000,
  call_cpv_codes: 200_000,
  test_bed_offer_themes: 200_000,
  memberships: 250_000,
  users: 250_000,
  audit_log: 2_000_000,
  status_log: 1_000_000,
  search_documents: 350_000,
}
const SMALL_TABLE = 100

/** How many rows of `rows` share one value of `column`, guessed from its name. */
function rowsPerValue(table: string, column: string, rows: number): number {
  if (column === 'id' || column === 'rowid') return 1
  if (/(^|_)(status|kind|intake|procedure|access_model|visibility|type|placement)$/.test(column))
    return Math.max(1, Math.floor(rows / 5))
  if (/^(is_|has_)/.test(column)) return Math.max(1, Math.floor(rows / 2))
  if (column === 'county_code') return Math.max(1, Math.floor(rows / 21))
  if (column === 'municipality_code') return Math.max(1, Math.floor(rows / 290))
  if (/(_at|_on|deadline|_date)$/.test(column)) return 2
  if (/^(name|title|slug|code|email|org_number|ocid|token_hash)$/.test(column)) return 1
  if (
    column === 'organisation_id' ||
    column === 'company_id' ||
    column === 'author_organisation_id'
  )
    return Math.max(1, Math.floor(rows / 2_000))
  if (/_id$/.test(column)) return table === 'bids' ? 20 : 10
  if (/theme_code|cpv_code/.test(column)) return Math.max(1, Math.floor(rows / 50))
  return 10
}

/** Replaces sqlite_stat1 with scale figures for every index and makes the planner read them. */
export function writeScaleStats(sqlite: Database.Database): void {
  sqlite.exec('ANALYZE')
  sqlite.exec('DELETE FROM sqlite_stat1')
  const insert = sqlite.prepare('INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES (?, ?, ?)')
  const indexes = sqlite
    .prepare(
      `SELECT m.name AS tbl, il.name AS idx, il."unique" AS uniq
       FROM sqlite_schema m, pragma_index_list(m.name) il
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
    )
    .all() as { tbl: string; idx: string; uniq: number }[]
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
        AND sql NOT LIKE 'CREATE VIRTUAL%'`,
    )
    .pluck()
    .all() as string[]
  for (const tbl of tables) insert.run(tbl, null, String(SCALE_ROWS[tbl] ?? SMALL_TABLE))
  for (const { tbl, idx, uniq } of indexes) {
    const rows = SCALE_ROWS[tbl] ?? SMALL_TABLE
    const columns = (
      sqlite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(idx) as {
        name: string | null
      }[]
    ).map((c) => c.name ?? 'expr')
    let share = rows
    const perPrefix = columns.map((column, i) => {
      share = Math.min(share, Math.max(1, rowsPerValue(tbl, column, rows) / 4 ** i))
      return uniq && i === columns.length - 1 ? 1 : Math.max(1, Math.round(share))
    })
    insert.run(tbl, idx, [rows, ...perPrefix].join(' '))
  }
  // Makes the planner reread sqlite_stat1 on this connection.
  sqlite.exec('ANALYZE sqlite_schema')
}

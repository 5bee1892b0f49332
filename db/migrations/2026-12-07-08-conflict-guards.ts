import { type Kysely, sql } from 'kysely'

// Frozen once landed. Conflict guards (issue 13, decision record 022), made last so that they cover
// the tables of the migrations before. `INSERT OR REPLACE`, `REPLACE INTO`, `UPDATE OR REPLACE`
// and UPSERT resolve a conflict by deleting or rewriting the row that is there, and a REPLACE
// deletion fires no delete trigger while recursive_triggers is off (the app turns it on; a plain
// sqlite3 shell does not). So every table that holds frozen state refuses, before the write, an
// insert or a key change that would meet an existing row on its primary key or any unique index,
// with 'testarena:row_exists: UNIQUE constraint failed: <table>.<columns>': the wording of SQLite's
// own error, so callers that map a duplicate keep working. A later migration that adds a table
// with frozen state writes its own guards the same way.

// The tables that hold frozen state (a rule refuses some UPDATE or DELETE on them). Each gets
// conflict guards below; tests/integration/replace-guards.test.ts fails for a table that is
// neither here nor named there as holding nothing frozen.
const GUARDED = [
  'audit_anchors',
  'audit_log',
  'bid_openings',
  'bid_scores',
  'bid_seal_failures',
  'bids',
  'call_amendments',
  'call_answers',
  'call_awards',
  'call_cpv_codes',
  'call_criteria',
  'call_documents',
  'call_involved_companies',
  'call_links',
  'call_questions',
  'call_themes',
  'calls',
  'competition_categories',
  'competition_declarations',
  'competition_jurors',
  'competition_nominations',
  'competition_results',
  'competition_scores',
  'competitions',
  'evaluator_declarations',
  'invitations',
  'memberships',
  'organisations',
  'outbox',
  'password_resets',
  'pilot_application_scores',
  'pilot_applications',
  'pilot_message_holds',
  'pilot_messages',
  'pilot_reports',
  'pilots',
  'reference_call_requests',
  'reference_cases',
  'signup_confirmations',
  'state_aid_ledger',
  'status_log',
  'test_bed_criteria',
  'test_bed_offer_themes',
  'test_bed_offer_versions',
  'test_bed_offers',
  'users',
]

interface Key {
  columns: string[]
  /** A partial index's WHERE clause, over the table's bare column names. */
  where: string | null
}

interface Shape {
  columns: string[]
  /** How to tell another row from OLD: rowid, or the primary key of a WITHOUT ROWID table. */
  sameRow: string
  keys: Key[]
}

/** The primary key and every unique index of `table`, read from the schema. */
export async function shapeOf(db: Kysely<any>, table: string): Promise<Shape> {
  const info = await sql<{ name: string; pk: number }>`
    SELECT name, pk FROM pragma_table_info(${table}) ORDER BY cid`.execute(db)
  const columns = info.rows.map((c) => c.name)
  const pk = info.rows
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name)
  const withoutRowid = await sql<{ found: number }>`SELECT 1 AS found FROM sqlite_master
    WHERE name = ${table} AND sql LIKE '%WITHOUT ROWID%'`.execute(db)
  const keys: Key[] = []
  if (!withoutRowid.rows.length && pk.length === 1) keys.push({ columns: pk, where: null })
  const indexes = await sql<{ name: string; partial: number }>`
    SELECT name, partial FROM pragma_index_list(${table}) WHERE "unique" = 1 ORDER BY name`.execute(
    db,
  )
  for (const index of indexes.rows) {
    const cols = await sql<{ name: string | null }>`
      SELECT name FROM pragma_index_info(${index.name}) ORDER BY seqno`.execute(db)
    const names = cols.rows.map((r) => r.name)
    if (names.some((c) => c === null)) throw new Error(`${index.name}: expression index`)
    if (keys.some((k) => k.columns.join() === names.join() && !k.where)) continue
    let where: string | null = null
    if (index.partial) {
      const def = await sql<{ sql: string }>`
        SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ${index.name}`.execute(db)
      where = /\bWHERE\b([\s\S]*)$/i.exec(def.rows[0]!.sql)![1]!.trim()
    }
    keys.push({ columns: names as string[], where })
  }
  const sameRow = withoutRowid.rows.length
    ? pk.map((c) => `${c} = OLD.${c}`).join(' AND ')
    : 'rowid = OLD.rowid'
  return { columns, sameRow, keys }
}

/**
 * A BEFORE INSERT and a BEFORE UPDATE guard per unique key of `table`. Later migrations that add
 * tables with frozen state call this with `shapeOf` (exported for them; the SQL it makes for the
 * tables above does not change).
 */
export function guards(table: string, shape: Shape): string[] {
  return shape.keys.flatMap((key, i) => {
    const match = key.columns.map((c) => `${c} = NEW.${c}`).join(' AND ')
    const existing = key.where ? `${match} AND (${key.where})` : match
    // Whether the new row falls under a partial index: its WHERE, evaluated over NEW's values.
    const newInIndex = key.where
      ? ` AND (SELECT ${key.where} FROM (SELECT ${shape.columns.map((c) => `NEW.${c} AS ${c}`).join(', ')}))`
      : ''
    const message = `testarena:row_exists: UNIQUE constraint failed: ${key.columns.map((c) => `${table}.${c}`).join(', ')}`
    return [
      `CREATE TRIGGER ${table}_no_conflict_insert_${i + 1} BEFORE INSERT ON ${table}
        WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${existing})${newInIndex}
        BEGIN SELECT RAISE(ABORT, '${message}'); END`,
      `CREATE TRIGGER ${table}_no_conflict_update_${i + 1}
        BEFORE UPDATE OF ${key.columns.join(', ')} ON ${table}
        WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${existing} AND NOT (${shape.sameRow}))${newInIndex}
        BEGIN SELECT RAISE(ABORT, '${message}'); END`,
    ]
  })
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of GUARDED) {
    for (const guard of guards(table, await shapeOf(db, table))) await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const triggers = await sql<{ name: string }>`SELECT name FROM sqlite_master
    WHERE type = 'trigger' AND name GLOB '*_no_conflict_*'`.execute(db)
  for (const t of triggers.rows) await sql.raw(`DROP TRIGGER ${t.name}`).execute(db)
}

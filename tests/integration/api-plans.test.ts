import Database from 'better-sqlite3'
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely'
import { expect, test } from 'vitest'
import type { Database as Schema } from '#db/schema'
import { listApiCalls } from '~/models/api-calls.server'
import {
  listApiAgendas,
  listApiInitiatives,
  listApiOrganisations,
  listApiReferences,
} from '~/models/api-directory.server'
import { listApiTestBeds } from '~/models/api-test-beds.server'

// SQL cost follows the page size (decision record 041): every unfiltered read-API list walks an
// index in its ORDER BY from the cursor and stops after limit + 1 rows; no sort of every row.

test('each list reads its newest-first index from the cursor, without a sort', async () => {
  const raw = new Database(process.env.DATABASE_PATH ?? '')
  const queries: CompiledQuery[] = []
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: raw }),
    log: (event) => {
      queries.push(event.query)
    },
  })
  const page = { limit: 20, cursor: { at: 2_000_000_000, id: 5 }, since: null }
  const lists = {
    testBeds: () => listApiTestBeds(db, {}, page),
    calls: () => listApiCalls(db, {}, page),
    references: () => listApiReferences(db, page),
    organisations: () => listApiOrganisations(db, {}, page),
    initiatives: () => listApiInitiatives(db, {}, page),
    agendas: () => listApiAgendas(db, page),
  }
  for (const [name, list] of Object.entries(lists)) {
    queries.length = 0
    await list()
    const query = queries[0]
    if (!query) throw new Error(`${name}: no query`)
    const plan = raw
      .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
      .all(...(query.parameters as unknown[]))
      .map((row) => (row as { detail: string }).detail)
      .join('\n')
    expect(plan, name).not.toMatch(/TEMP B-TREE|SCAN/)
  }
  await db.destroy()
})

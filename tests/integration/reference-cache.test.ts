import { Kysely, SqliteDialect } from 'kysely'
import { expect, test } from 'vitest'
import type { Database as Schema } from '#db/schema'
import { listCounties, listMunicipalities, listThemes } from '~/models/reference.server'
import { createTestDb } from '../helpers/db'

// Reference tables are read once per database and then served from memory (decision record 045),
// per db instance: each database, each test's included, reads its own.

test('counties, municipalities and themes are read once per database, then from memory', async () => {
  const { db, sqlite } = await createTestDb()
  let queries = 0
  const counted = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: () => {
      queries += 1
    },
  })
  const first = await listCounties(counted)
  await listMunicipalities(counted)
  const sv = await listThemes(counted, 'sv')
  const en = await listThemes(counted, 'en')
  expect(queries).toBe(4)
  expect(first).toHaveLength(21)
  expect(sv[0]?.name).not.toBe(en[0]?.name)
  // Again: no query, the same list.
  expect(await listCounties(counted)).toBe(first)
  await listMunicipalities(counted)
  await listThemes(counted, 'sv')
  expect(queries).toBe(4)
  // The shared copy cannot be changed by a caller.
  expect(() => (first as { code: string }[]).push({ code: 'x' })).toThrow(TypeError)
  expect(() => {
    ;(first[0] as { name: string }).name = 'x'
  }).toThrow(TypeError)
  // Another db instance, even on the same file, reads for itself: a change made before it
  // opened is seen (the instance that cached keeps its copy; only migrations change these rows).
  sqlite.prepare(`UPDATE counties SET name = 'Ändrat län' WHERE code = '01'`).run()
  const other = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) })
  expect((await listCounties(other))[0]?.name).toBe('Ändrat län')
  expect((await listCounties(counted))[0]?.name).not.toBe('Ändrat län')
  await db.destroy()
})

import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { matchSavedSearches } from '~/models/saved-search-matching.server'
import { deleteSavedSearch, SAVED_SEARCH_LIMIT } from '~/models/saved-searches.server'
import { getDb } from '~/utils/db.server'
import { createCall } from '../helpers/call-factories'
import { createUser } from '../helpers/factories'
import { saveSearch } from '../helpers/saved-search-factories'
import { createHost } from '../helpers/test-bed-factories'

// The rules of migration 2026-12-07-23-saved-searches, attacked with SQL no model wrote, through
// a plain connection (foreign keys and recursive triggers off, like a sqlite3 shell): the limit
// per person, the fixed owner, the municipality in its county, and append-only matches that only
// public items of a watched kind make, that REPLACE and UPSERT cannot rewrite, and that go only
// with their saved search.

const db = getDb()
let plain: Database.Database
beforeAll(() => {
  plain = new Database(process.env.DATABASE_PATH!)
  plain.pragma('foreign_keys = OFF')
})
afterAll(() => plain.close())

const attempt =
  (statement: string, ...params: unknown[]) =>
  () =>
    plain.prepare(statement).run(...params)
const count = (statement: string, ...params: unknown[]) =>
  plain
    .prepare(statement)
    .pluck()
    .get(...params) as number

function insertSearch(userId: number, extra = '', values: unknown[] = []) {
  return plain
    .prepare(
      `INSERT INTO saved_searches (user_id, name, for_test_beds, for_calls, for_initiatives,
        created_at, updated_at${extra ? `, ${extra}` : ''})
       VALUES (?, 'Rå', 1, 1, 0, unixepoch(), unixepoch()${values.map(() => ', ?').join('')})`,
    )
    .run(userId, ...values).lastInsertRowid as number
}

describe('saved searches', () => {
  test('at most 25 per person, also for raw inserts', async () => {
    const user = await createUser(db)
    for (let i = 0; i < SAVED_SEARCH_LIMIT; i++) insertSearch(user.id)
    expect(() => insertSearch(user.id)).toThrow(/testarena:saved_search_limit/)
    expect(count('SELECT count(*) FROM saved_searches WHERE user_id = ?', user.id)).toBe(25)
  })

  test('the owner and the creation stamp never change; REPLACE cannot hand a search over', async () => {
    const owner = await createUser(db)
    const thief = await createUser(db)
    const id = await saveSearch(db, owner.id)
    expect(attempt('UPDATE saved_searches SET user_id = ? WHERE id = ?', thief.id, id)).toThrow(
      /saved_search_owner_fixed/,
    )
    expect(attempt('UPDATE saved_searches SET created_at = 1 WHERE id = ?', id)).toThrow(
      /saved_search_owner_fixed/,
    )
    for (const statement of [
      `REPLACE INTO saved_searches (id, user_id, name, for_test_beds, for_calls, for_initiatives,
        created_at, updated_at) VALUES (?, ?, 'Stulen', 1, 1, 1, unixepoch(), unixepoch())`,
      `INSERT INTO saved_searches (id, user_id, name, for_test_beds, for_calls, for_initiatives,
        created_at, updated_at) VALUES (?, ?, 'Stulen', 1, 1, 1, unixepoch(), unixepoch())
        ON CONFLICT DO UPDATE SET user_id = excluded.user_id`,
    ]) {
      expect(attempt(statement, id, thief.id)).toThrow(/testarena:row_exists/)
    }
    expect(count('SELECT user_id FROM saved_searches WHERE id = ?', id)).toBe(owner.id)
  })

  test('the municipality lies in the county; at least one kind; TRL min <= max', async () => {
    const user = await createUser(db)
    expect(() => insertSearch(user.id, 'county_code, municipality_code', ['01', '2580'])).toThrow(
      /municipality_not_in_county/,
    )
    expect(() => insertSearch(user.id, 'municipality_code', ['2580'])).toThrow(
      /municipality_not_in_county|CHECK/,
    )
    expect(() => insertSearch(user.id, 'trl_min, trl_max', [7, 3])).toThrow(/CHECK/)
    const id = insertSearch(user.id, 'county_code, municipality_code', ['25', '2580'])
    expect(attempt('UPDATE saved_searches SET county_code = ? WHERE id = ?', '01', id)).toThrow(
      /municipality_not_in_county/,
    )
    expect(
      attempt('UPDATE saved_searches SET for_test_beds = 0, for_calls = 0 WHERE id = ?', id),
    ).toThrow(/CHECK/)
    expect(attempt(`INSERT INTO saved_search_terms VALUES (?, 'Luleå')`, id)).toThrow(/CHECK/)
    expect(attempt(`INSERT INTO saved_search_terms VALUES (?, 'two words')`, id)).toThrow(/CHECK/)
  })
})

describe('matches', () => {
  let host: Awaited<ReturnType<typeof createHost>>
  let userId: number
  beforeAll(async () => {
    host = await createHost(db)
    userId = (await createUser(db)).id
  })

  test('append-only: never updated, never deleted while the search exists', async () => {
    const search = await saveSearch(db, userId, { query: 'appendonly' })
    const { call } = await createCall(db, host, { title: 'Appendonly i hemtjänsten' })
    await matchSavedSearches(db, { kind: 'call', id: call.id })
    const where = 'WHERE saved_search_id = ?'
    expect(count(`SELECT count(*) FROM saved_search_matches ${where}`, search)).toBe(1)
    for (const statement of [
      `UPDATE saved_search_matches SET matched_at = matched_at + 1 ${where}`,
      `UPDATE saved_search_matches SET item_id = item_id + 1 ${where}`,
      `DELETE FROM saved_search_matches ${where}`,
    ]) {
      expect(attempt(statement, search)).toThrow(/saved_search_match_append_only/)
    }
    const first = `SELECT * FROM saved_search_matches ${where}`
    for (const statement of [
      `INSERT OR REPLACE INTO saved_search_matches ${first}`,
      `REPLACE INTO saved_search_matches ${first}`,
      `INSERT INTO saved_search_matches ${first} ON CONFLICT DO UPDATE SET matched_at = 1`,
      `INSERT INTO saved_search_matches ${first} ON CONFLICT DO NOTHING`,
      `INSERT OR IGNORE INTO saved_search_matches (saved_search_id, item_kind, item_id, matched_at)
        SELECT saved_search_id, item_kind, item_id, unixepoch() FROM saved_search_matches ${where}`,
    ]) {
      expect(attempt(statement, search)).toThrow(/testarena:row_exists/)
    }
    expect(count(`SELECT count(*) FROM saved_search_matches ${where}`, search)).toBe(1)
  })

  test('only a public item of a watched kind, stamped now', async () => {
    const callsOnly = await saveSearch(db, userId, { kinds: ['call'] })
    const { call: draft } = await createCall(db, host, { status: 'draft' })
    const { call } = await createCall(db, host)
    const insert = (search: number, kind: string, item: number, at = 'unixepoch()') =>
      attempt(
        `INSERT INTO saved_search_matches (saved_search_id, item_kind, item_id, matched_at)
         VALUES (?, ?, ?, ${at})`,
        search,
        kind,
        item,
      )
    expect(insert(callsOnly, 'call', draft.id)).toThrow(/saved_search_match_invalid/)
    expect(insert(callsOnly, 'initiative', 1)).toThrow(/saved_search_match_invalid/)
    expect(insert(callsOnly, 'call', call.id, 'unixepoch() - 3600')).toThrow(
      /saved_search_match_invalid/,
    )
    expect(insert(callsOnly, 'call', 9_999_999)).toThrow(/saved_search_match_invalid/)
    expect(insert(callsOnly, 'call', call.id)).not.toThrow()
  })

  test('they go with their saved search, through the app and through a plain connection', async () => {
    const viaApp = await saveSearch(db, userId, { query: 'borttagen', themes: ['energy'] })
    const viaPlain = await saveSearch(db, userId, { query: 'borttagen', cpv_codes: ['72000000'] })
    const { call } = await createCall(db, host, {
      title: 'Borttagen bevakning',
      themes: ['energy'],
    })
    expect(await matchSavedSearches(db, { kind: 'call', id: call.id })).toEqual(
      expect.arrayContaining([
        { savedSearchId: viaApp, userId },
        { savedSearchId: viaPlain, userId },
      ]),
    )
    await deleteSavedSearch(db, { id: viaApp, userId })
    plain.prepare('DELETE FROM saved_searches WHERE id = ?').run(viaPlain)
    for (const table of [
      'saved_search_matches',
      'saved_search_themes',
      'saved_search_cpv_codes',
      'saved_search_terms',
    ]) {
      expect(
        count(`SELECT count(*) FROM ${table} WHERE saved_search_id IN (?, ?)`, viaApp, viaPlain),
        table,
      ).toBe(0)
    }
  })
})

/**
 * Saved-search matching at scale (issue 16 part 2, decision record 037): a scratch database with
 * the demo marketplace and 100,000 saved searches of 4,000 people with realistic mixes of criteria,
 * then every public demo call, test bed and initiative matched as if new. The target: under 1 s
 * per item. Part of `npm run bench`; alone: `npx tsx tests/bench/saved-search-matching.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrator'
import { seed } from '../../app/seed'
import { matchSavedSearches } from '../../app/models/saved-search-matching.server'
import { now } from '../../app/utils/clock.server'
import { foldedWords } from '../../app/utils/folded-words'

const TARGET_MS = 1000
const PER_PERSON = 25

const WORDS = [
  'hemtjänst',
  'trygg',
  'natt',
  'sensor',
  'drönare',
  'energi',
  'vård',
  'äldre',
  'luleå',
  'fall',
  'läkemedel',
  'digital',
  'larm',
  'batteri',
  'skola',
  'mobilitet',
  'vätgas',
  'gruva',
  'kyla',
  'triage',
  'primärvård',
  'boende',
  'ai',
  'effekt',
  'fastighet',
  'belysning',
  'väg',
  'is',
]
const PROCEDURES = ['market_dialogue', 'open', 'innovation_partnership', 'pcp']

/** A small deterministic generator, so every run measures the same searches. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export async function benchSavedSearchMatching(count = 100_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'testarena-bench-saved-'))
  const previousPath = process.env.DATABASE_PATH
  process.env.DATABASE_PATH = join(dir, 'saved.sqlite')
  const { db, sqlite } = openDatabase(process.env.DATABASE_PATH, { clock: now })
  try {
    await migrateToLatest(db)
    await seed(db)
    const started = Date.now()
    const rand = random(16)
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T
    const themes = (await db.selectFrom('themes').select('code').execute()).map((t) => t.code)
    const counties = (await db.selectFrom('counties').select('code').execute()).map((c) => c.code)
    const municipalities = await db
      .selectFrom('municipalities')
      .select(['code', 'county_code'])
      .execute()
    // Codes people save: mostly divisions and groups (short prefixes), some narrower ones.
    const cpv = (await db.selectFrom('cpv_codes').select('code').execute()).map((c) => c.code)
    const broad = cpv.filter((c) => c.endsWith('00000'))
    const people = Math.ceil(count / PER_PERSON)
    const insertUser = sqlite.prepare(`INSERT INTO users (email, name, password_hash, locale,
      is_platform_admin, created_at, updated_at, password_changed_at, email_confirmed_at)
      VALUES (?, 'Bänkperson', '$argon2id$bench', 'sv', 0, unixepoch(), unixepoch(), unixepoch(), unixepoch())`)
    const insertSearch = sqlite.prepare(`INSERT INTO saved_searches (user_id, name, for_test_beds,
      for_calls, for_initiatives, county_code, municipality_code, procedure, trl_min, trl_max, query,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, unixepoch(), unixepoch())`)
    const insertTheme = sqlite.prepare('INSERT INTO saved_search_themes VALUES (?, ?)')
    const insertCpv = sqlite.prepare('INSERT INTO saved_search_cpv_codes VALUES (?, ?)')
    const insertTerm = sqlite.prepare('INSERT INTO saved_search_terms VALUES (?, ?)')
    sqlite.transaction(() => {
      for (let p = 0; p < people; p++) {
        const userId = Number(insertUser.run(`bench.${p}@example.test`).lastInsertRowid)
        for (let k = 0; k < PER_PERSON && p * PER_PERSON + k < count; k++) {
          let kinds = [rand() < 0.6, rand() < 0.7, rand() < 0.4]
          if (!kinds.some(Boolean)) kinds = [false, true, false]
          const county = rand() < 0.7 ? pick(counties) : null
          const inCounty = municipalities.filter((m) => m.county_code === county)
          const municipality = county && rand() < 0.3 ? pick(inCounty).code : null
          const procedure = kinds[1] && rand() < 0.15 ? pick(PROCEDURES) : null
          const trlMin = kinds[0] && rand() < 0.25 ? 1 + Math.floor(rand() * 6) : null
          const trlMax = trlMin === null ? null : Math.min(9, trlMin + Math.floor(rand() * 4))
          const words =
            rand() < 0.5
              ? Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(WORDS))
              : []
          const query = words.join(' ')
          const id = Number(
            insertSearch.run(
              userId,
              `Bevakning ${k}`,
              kinds[0] ? 1 : 0,
              kinds[1] ? 1 : 0,
              kinds[2] ? 1 : 0,
              county,
              municipality,
              procedure,
              trlMin,
              trlMax,
              query,
            ).lastInsertRowid,
          )
          if (rand() < 0.6) {
            for (const theme of new Set(
              Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(themes)),
            )) {
              insertTheme.run(id, theme)
            }
          }
          if (rand() < 0.4) {
            for (const code of new Set(
              Array.from({ length: 1 + Math.floor(rand() * 3) }, () =>
                pick(rand() < 0.7 ? broad : cpv),
              ),
            )) {
              insertCpv.run(id, code)
            }
          }
          for (const term of foldedWords(query)) insertTerm.run(id, term)
        }
      }
    })()
    await sql`ANALYZE`.execute(db)
    console.log(`saved searches: ${count} for ${people} people in ${Date.now() - started} ms`)

    const items = {
      call: await db.selectFrom('calls').select('id').where('status', '<>', 'draft').execute(),
      test_bed: await db
        .selectFrom('test_bed_offers')
        .select('id')
        .where('status', '=', 'published')
        .execute(),
      initiative: await db.selectFrom('initiatives').select('id').execute(),
    }
    let slowest = 0
    for (const [kind, rows] of Object.entries(items) as Array<
      [keyof typeof items, { id: number }[]]
    >) {
      const times: number[] = []
      let matches = 0
      for (const { id } of rows) {
        const t0 = performance.now()
        matches += (await matchSavedSearches(db, { kind, id })).length
        times.push(performance.now() - t0)
      }
      const t0 = performance.now()
      for (const { id } of rows) await matchSavedSearches(db, { kind, id })
      const again = (performance.now() - t0) / rows.length
      times.sort((a, b) => a - b)
      const max = times[times.length - 1] ?? 0
      slowest = Math.max(slowest, max)
      console.log(
        `saved-search matching, ${kind.padEnd(10)} ${rows.length} items: median ${times[Math.floor(times.length / 2)]?.toFixed(0)} ms, slowest ${max.toFixed(0)} ms, ${Math.round(matches / rows.length)} matches each; again (nothing new) ${again.toFixed(0)} ms  (target < ${TARGET_MS} ms)`,
      )
    }
    if (slowest >= TARGET_MS) process.exitCode = 1
  } finally {
    await db.destroy()
    rmSync(dir, { recursive: true, force: true })
    process.env.DATABASE_PATH = previousPath
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchSavedSearchMatching(Number(process.env.BENCH_SAVED_SEARCHES ?? 100_000))
}

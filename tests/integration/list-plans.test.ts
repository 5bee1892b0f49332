import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type Database from 'better-sqlite3'
import type { DB } from '#db/connection'
import type { Database as Schema } from '#db/schema'
import { listPublishedAgendas } from '~/models/agenda-reads.server'
import { listCompanyBids } from '~/models/bids.server'
import { listNewestOpenCalls, searchCalls } from '~/models/call-catalogue.server'
import { listBuyerCalls } from '~/models/calls.server'
import { listAuthoredContacts } from '~/models/contact-reads.server'
import { listEvents, listOrganisationEvents } from '~/models/event-reads.server'
import { countByCounty, searchInitiatives, timelineOf } from '~/models/initiative-overview.server'
import { listOrganisationInitiatives } from '~/models/initiative-reads.server'
import { listNotifications } from '~/models/notifications.server'
import {
  getMarketplaceStats,
  listDirectory,
  listRecentOrganisations,
} from '~/models/organisations.server'
import { listCompanyApplications } from '~/models/pilot-applications.server'
import { listApplicationsForHost } from '~/models/pilot-decisions.server'
import { search } from '~/models/search.server'
import {
  getPublicBodyShowcase,
  listCompanyReferences,
  listNewestReferences,
  searchReferences,
} from '~/models/showcase.server'
import { listNewestOpenOffers, searchCatalogue } from '~/models/test-bed-catalogue.server'
import { listHostOffers } from '~/models/test-bed-offers.server'
import { createTestDb } from '../helpers/db'
import { writeScaleStats } from '../helpers/scale-stats'

// Every list query's plan at the scale sizes (issue 18 part 5, decision record 045): the SQL each
// list's model issues is captured through Kysely's log, with typical and filtered parameters, and
// EXPLAIN QUERY PLAN runs on it with planner statistics that describe 100,000 calls and offers,
// 200,000 organisations and 1,000,000 bids (tests/helpers/scale-stats.ts). No plan may SCAN a big
// table nor sort one in a temporary B-tree; ALLOWED lists the accepted exceptions and why.

const BIG = [
  'calls',
  'test_bed_offers',
  'bids',
  'organisations',
  'reference_cases',
  'pilot_applications',
  'initiatives',
  'company_contacts',
  'events',
  'ocds_releases',
  'notifications',
  'updates',
  'users',
  'memberships',
  'search_documents',
  'audit_log',
  'status_log',
]

/** Accepted plans: which query (list name and SQL), which line of its plan, and why. */
const ALLOWED: { list: RegExp; sql: RegExp; step: RegExp; reason: string }[] = [
  {
    list: /./,
    sql: /MATCH \? order by "\w+_fts"\."rowid" desc limit \?/,
    step: /USE TEMP B-TREE FOR ORDER BY/,
    reason:
      'a search sorts its bounded window (FTS_WINDOW = 1 001 newest matches) by date or rank, never the table',
  },
  {
    list: /^\/organisations( page 30)?$/,
    sql: /^select count\(\*\) as "total" from \(select 1 as "one" from "organisations".* limit \?\) as "matches"$/,
    step: /^SCAN organisations$/,
    reason:
      'the unfiltered directory’s capped count: the scan stops after LIST_COUNT_CAP + 1 visible rows',
  },
]

let db: DB
let sqlite: Database.Database
let logged: Kysely<Schema>
const queries: CompiledQuery[] = []

beforeAll(async () => {
  ;({ db, sqlite } = await createTestDb())
  writeScaleStats(sqlite)
  logged = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') queries.push(event.query)
    },
  })
})
afterAll(async () => {
  await db.destroy()
})

function planOf(query: CompiledQuery): string[] {
  return sqlite
    .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .all(...(query.parameters as unknown[]))
    .map((row) => (row as { detail: string }).detail)
}

/** The plan's steps that read a big table whole or sort in a temporary B-tree. */
function badSteps(steps: string[]): string[] {
  return steps.filter((step) => {
    const scan = /^SCAN (\w+)(?: AS \w+)?(?: |$)/.exec(step)
    // A SCAN through an index walks it in the index's order and stops at the LIMIT; a SCAN
    // without one reads every row.
    if (scan && BIG.includes(scan[1] ?? '') && !/USING (COVERING )?INDEX/.test(step)) return true
    return /USE TEMP B-TREE FOR (ORDER BY|RIGHT PART OF ORDER BY)/.test(step)
  })
}

const SEARCH = { common: 'digital', rare: 'kvastfening', words: 'vård digital sensorer' }
const at = { id: 1, user: 1 }

const LISTS: Record<string, () => Promise<unknown>> = {
  'home: figures': () => getMarketplaceStats(logged),
  'home: recent organisations': () => listRecentOrganisations(logged),
  'home: newest offers': () => listNewestOpenOffers(logged, 'sv'),
  'home: newest calls': () => listNewestOpenCalls(logged, 'sv'),
  'home: newest references': () => listNewestReferences(logged, 'sv'),
  '/test-beds': () => searchCatalogue(logged, {}, 'sv'),
  '/test-beds page 30': () => searchCatalogue(logged, { page: 30 }, 'sv'),
  '/test-beds county and open': () => searchCatalogue(logged, { county: '25', open: true }, 'sv'),
  '/test-beds theme': () => searchCatalogue(logged, { theme: 'health' }, 'sv'),
  '/test-beds past': () => searchCatalogue(logged, { past: true }, 'sv'),
  '/test-beds common word': () => searchCatalogue(logged, { q: SEARCH.common }, 'sv'),
  '/test-beds three words and county': () =>
    searchCatalogue(logged, { q: SEARCH.words, county: '25' }, 'sv'),
  '/calls': () => searchCalls(logged, {}, 'sv'),
  '/calls page 30': () => searchCalls(logged, { page: 30 }, 'sv'),
  '/calls open': () => searchCalls(logged, { status: 'open' }, 'sv'),
  '/calls county, procedure, theme': () =>
    searchCalls(logged, { county: '25', procedure: 'open', theme: 'health' }, 'sv'),
  '/calls cpv': () => searchCalls(logged, { cpv: '72' }, 'sv'),
  '/calls common word': () => searchCalls(logged, { q: SEARCH.common }, 'sv'),
  '/calls rare word': () => searchCalls(logged, { q: SEARCH.rare }, 'sv'),
  '/calls three words': () => searchCalls(logged, { q: SEARCH.words }, 'sv'),
  '/references': () => searchReferences(logged, {}, 'sv'),
  '/references common word': () => searchReferences(logged, { q: SEARCH.common }, 'sv'),
  '/references year': () => searchReferences(logged, { year: 2027 }, 'sv'),
  '/organisations': () => listDirectory(logged, {}),
  '/organisations page 30': () => listDirectory(logged, { page: 30 }),
  '/organisations kind': () => listDirectory(logged, { kind: 'company' }),
  '/organisations county': () => listDirectory(logged, { county: '25' }),
  '/organisations/<slug> public body': () => getPublicBodyShowcase(logged, at.id, 'sv'),
  '/organisations/<slug> company': () => listCompanyReferences(logged, at.id, 'sv'),
  '/initiatives': () => searchInitiatives(logged, {}, 'sv'),
  '/initiatives common word': () => searchInitiatives(logged, { q: SEARCH.common }, 'sv'),
  '/initiatives status': () => searchInitiatives(logged, { status: 'active' }, 'sv'),
  '/initiatives county view': () => countByCounty(logged, {}),
  '/initiatives timeline': () => timelineOf(logged, {}),
  '/events upcoming': () => listEvents(logged, 'upcoming'),
  '/events past': () => listEvents(logged, 'past'),
  '/agendas': () => listPublishedAgendas(logged),
  '/search common word': () => search(logged, { q: SEARCH.common }, 'sv'),
  '/search rare word, kind': () => search(logged, { q: SEARCH.rare, kind: 'call' }, 'sv'),
  '/notifications': () => listNotifications(logged, at.user, 'sv'),
  "a buyer's calls": () => listBuyerCalls(logged, at.id, at.user),
  "a host's offers": () => listHostOffers(logged, at.id, at.user),
  "a host's applications": () => listApplicationsForHost(logged, at.id, at.user),
  "an organisation's initiatives": () => listOrganisationInitiatives(logged, at.id),
  "an organisation's events": () => listOrganisationEvents(logged, at.id),
  "a company's applications": () => listCompanyApplications(logged, at.id, at.user),
  "a company's bids": () => listCompanyBids(logged, { slug: 'x', userId: at.user }),
  'contacts by an organisation': () =>
    listAuthoredContacts(logged, { organisationId: at.id, userId: at.user }),
}

describe('every list query at the scale sizes', () => {
  test.each(Object.keys(LISTS))('%s: no full scan and no sort of a big table', async (name) => {
    queries.length = 0
    // A list behind a membership check answers not_found here (no member): its queries up to
    // that point are still checked, and the check itself is one of them.
    await LISTS[name]!().catch(() => undefined)
    expect(queries.length, 'the list issued no query').toBeGreaterThan(0)
    const bad = queries.flatMap((query) =>
      badSteps(planOf(query))
        .filter(
          (step) =>
            !ALLOWED.some((a) => a.list.test(name) && a.sql.test(query.sql) && a.step.test(step)),
        )
        .map((step) => `${step}\n    in ${query.sql}`),
    )
    expect(bad).toEqual([])
  })

  test('the check finds a full scan and a sort', () => {
    // It can fail: an unindexed filter and an unindexed order on a big table are caught.
    const query = logged
      .selectFrom('calls')
      .select('id')
      .where('summary', '=', 'x')
      .orderBy('title')
      .compile()
    expect(badSteps(planOf(query))).toHaveLength(2)
  })
})

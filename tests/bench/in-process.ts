import type { DB } from '../../db/connection'
import { createSession, sessionCookieName } from '../../app/auth/session.server'
import { submitBid } from '../../app/models/bid-submission.server'
import { searchCalls } from '../../app/models/call-catalogue.server'
import { search } from '../../app/models/search.server'
import { callFiltersSchema } from '../../app/routes/calls._index/schema'
import { completeBidContent } from '../helpers/bid-factories'
import type { BenchTargets } from './scale-db'
import { figure, type Figure, growthFactor, percentile, TARGETS } from './stats'

/**
 * What `npm run bench` measures inside its own process, on its copy of the scale database
 * (decision 047): the database time of the app's real model functions behind a search, whether a
 * list's SQL grows with its matches, and the bid commit.
 */

async function timed(repetitions: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn() // the first run prepares and warms the page cache of SQLite
  const times: number[] = []
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now()
    await fn()
    times.push(performance.now() - started)
  }
  return times
}

const ms = (n: number) => `${n.toFixed(2).padStart(7)} ms`

/** /search and /calls?q= through their models: p95 per query, and the common/rare growth. */
export async function measureSearch(
  db: DB,
  targets: BenchTargets,
  repetitions: number,
): Promise<Figure[]> {
  const { words } = targets
  const queries: [string, string][] = [
    ['common word', words.common],
    ['rare word', words.rare],
    ['three words', words.threeWords],
    ['partial word', words.prefix],
  ]
  const figures: Figure[] = []
  const p50: Record<string, number> = {}
  console.log(`search: ${repetitions} runs a query, in-process, database time through the models`)
  for (const [label, q] of queries) {
    for (const [page, run] of [
      ['/search', () => search(db, { q }, 'sv')],
      ['/calls', () => searchCalls(db, callFiltersSchema.parse({ q }), 'sv')],
    ] as const) {
      const times = await timed(repetitions, run)
      const p95 = percentile(times, 95)
      p50[`${page} ${label}`] = percentile(times, 50)
      const f = figure(`search p95: ${page} ${label} "${q}"`, p95, 'ms', TARGETS.searchP95Ms, {
        query: q,
        p50: percentile(times, 50),
        matches: words.matches[q] ?? null,
      })
      figures.push(f)
      console.log(
        `  ${page.padEnd(8)} ${label.padEnd(13)} ${JSON.stringify(q).padEnd(36)} p50 ${ms(percentile(times, 50))}  p95 ${ms(p95)}  ${f.pass ? 'OK' : 'MISS'}`,
      )
    }
  }
  for (const page of ['/search', '/calls']) {
    const common = p50[`${page} common word`]!
    const rare = p50[`${page} rare word`]!
    const f = figure(
      `SQL growth: ${page} common/rare`,
      growthFactor(common, rare),
      '×',
      TARGETS.growth,
      {
        commonP50: common,
        rareP50: rare,
        commonMatches: words.matches[words.common],
        rareMatches: words.matches[words.rare],
      },
    )
    figures.push(f)
    console.log(
      `  SQL growth ${page}: common ${ms(common)} (${words.matches[words.common]} matches) vs rare ${ms(rare)} (${words.matches[words.rare]}): ${f.value.toFixed(2)}× ${f.pass ? 'OK' : 'MISS'}`,
    )
  }
  return figures
}

/**
 * `commits` bid submissions through submitBid on open calls (seal, receipt, audit row and mail, in
 * one transaction), round-robin over the company members who may bid; each changes the price so
 * that none is an unchanged resubmission.
 */
export async function measureBidCommits(
  db: DB,
  targets: BenchTargets,
  commits: number,
): Promise<Figure> {
  const ready: { callId: number; userId: number; slug: string }[] = []
  let lastError: unknown = null
  for (const callId of targets.openCallIds) {
    const content = await completeBidContent(db, callId)
    for (const [userId, slug] of targets.bidders) {
      if (ready.length >= 10) break
      try {
        await submitBid(db, { callId, userId, content })
        ready.push({ callId, userId, slug })
      } catch (error) {
        lastError = error // e.g. a company that may not bid on this call
      }
    }
  }
  if (ready.length === 0) {
    throw new Error(`no company could bid on an open call: ${String(lastError)}`)
  }
  const contents = new Map<number, Awaited<ReturnType<typeof completeBidContent>>>()
  for (const { callId } of ready) contents.set(callId, await completeBidContent(db, callId))
  const times: number[] = []
  for (let i = 0; i < commits; i++) {
    const { callId, userId } = ready[i % ready.length]!
    const base = contents.get(callId)!
    const content = { ...base, price_sek: base.price_sek === null ? null : 1_000_000 + i }
    const started = performance.now()
    const result = await submitBid(db, {
      callId,
      userId,
      content: { ...content, solution_summary: `${content.solution_summary} (${i})` },
    })
    times.push(performance.now() - started)
    if (result.unchanged) throw new Error('a timed submission changed nothing')
  }
  const f = figure('bid commit p95', percentile(times, 95), 'ms', TARGETS.bidCommitP95Ms, {
    commits,
    p50: percentile(times, 50),
    bidders: ready.length,
  })
  console.log(
    `bid commit: ${commits} submissions by ${ready.length} companies, p50 ${ms(percentile(times, 50))}  p95 ${ms(f.value)}  ${f.pass ? 'OK' : 'MISS'}`,
  )
  return f
}

/** A session cookie for `userId`, made through the session model as a login would. */
export async function sessionCookie(db: DB, userId: number): Promise<string> {
  const { token } = await createSession(db, userId, { userAgent: 'npm run bench' })
  return `${sessionCookieName()}=${token}`
}

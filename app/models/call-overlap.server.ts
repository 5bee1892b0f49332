import { sql } from 'kysely'
import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { type CallDraftInput, insertCallDraft } from './call-drafts.server'
import {
  classRange,
  keepSimilar,
  type SimilarityScores,
  similarityExpression,
  similarityTerms,
} from './initiative-overlap.server'
import { type ItemOverlapDecision, relatedItems, saveAfterCheck } from './overlap-records.server'

// Overlap detection before saving a new call (issue 15, part 4; decision record 030, revision).
// The same check as for initiatives (initiative-overlap.server.ts, whose term and shortlist rules
// this reuses): before a buyer's first save of a call draft, the PUBLISHED calls of OTHER
// organisations most like it are found — bm25 over calls_fts (at most TEXT_LIMIT hits), shared
// themes and CPV classes (each lookup bounded), the same county and an overlapping period (from
// publication to tender deadline). Drafts are private and never shown. The buyer links the new
// draft to one as related or continues with a reason; migration 2026-12-07-18-offer-call-overlap
// records the choice append-only and enforces every rule again.

const SHORTLIST = 20
const TEXT_LIMIT = 50
const CODE_LIMIT = 200

export interface CallProbe {
  title: string
  summary: string
  themes: readonly string[]
  cpv_codes: readonly string[]
  county_code: string
  tender_deadline: number
}

export interface SimilarCall extends SimilarityScores {
  id: number
  title: string
  summary: string
  owners: string
  /** Published (date) to tender deadline (date), as the overlap step shows a period. */
  starts_on: string | null
  ends_on: string | null
}

const isoDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10)

/** The published calls of other organisations most like the probe, best first (at most five). */
export async function findSimilarCalls(
  db: DB,
  organisationId: number,
  probe: CallProbe,
): Promise<SimilarCall[]> {
  const text = `${probe.title} ${probe.summary}`
  const terms = similarityTerms(text)
  const match = similarityExpression(text)
  const themes = probe.themes.length ? probe.themes : ['']
  const ranges = probe.cpv_codes.map(classRange)
  const cpvCondition = ranges.length
    ? sql.join(
        ranges.map(([from, to]) => sql`(cpv_code >= ${from} AND cpv_code < ${to})`),
        sql` OR `,
      )
    : sql`0`
  const textHits = match
    ? sql`SELECT rowid AS id, -bm25(calls_fts, 3.0, 1.5, 1.0) AS score
        FROM calls_fts WHERE calls_fts MATCH ${match}
        ORDER BY bm25(calls_fts, 3.0, 1.5, 1.0) LIMIT ${TEXT_LIMIT}`
    : sql`SELECT 0 AS id, 0 AS score WHERE 0`
  type Row = Omit<SimilarCall, 'owners' | 'text' | 'starts_on' | 'ends_on'> & {
    description: string
    text_score: number
    published_at: number
    tender_deadline: number
  }
  const rows = await sql<Row>`
    WITH text_hits AS (${textHits}),
    theme_hits AS (SELECT call_id AS id, count(*) AS n FROM (
        SELECT call_id FROM call_themes WHERE theme_code IN (${sql.join(themes)})
        ORDER BY call_id DESC LIMIT ${CODE_LIMIT})
      GROUP BY call_id),
    cpv_hits AS (SELECT call_id AS id, count(*) AS n FROM (
        SELECT call_id FROM call_cpv_codes WHERE ${cpvCondition}
        ORDER BY call_id DESC LIMIT ${CODE_LIMIT})
      GROUP BY call_id),
    found AS (SELECT id FROM text_hits UNION SELECT id FROM theme_hits UNION SELECT id FROM cpv_hits),
    scored AS (
      SELECT c.id, c.title, c.summary, c.need AS description, c.published_at, c.tender_deadline,
        coalesce(t.score, 0) AS text_score,
        coalesce(th.n, 0) AS themes,
        coalesce(k.n, 0) AS cpv,
        (c.county_code = ${probe.county_code}) AS counties,
        (c.published_at <= ${probe.tender_deadline} AND ${now()} <= c.tender_deadline) AS period
      FROM found f
      JOIN calls c ON c.id = f.id
      LEFT JOIN text_hits t ON t.id = c.id
      LEFT JOIN theme_hits th ON th.id = c.id
      LEFT JOIN cpv_hits k ON k.id = c.id
      WHERE c.organisation_id <> ${organisationId} AND c.status <> 'draft'
    )
    SELECT * FROM scored
    WHERE cpv > 0
      OR (text_score > 0 AND (themes > 0 OR counties > 0 OR period = 1))
      OR (themes > 0 AND counties > 0 AND period IS NOT 0)
    ORDER BY text_score + 2 * min(themes, 2) + 3 * min(cpv, 2) + 2 * counties
      + 2 * (period IS 1) - 3 * (period IS 0) DESC, id DESC
    LIMIT ${SHORTLIST}`.execute(db)
  const shortlist = keepSimilar(rows.rows, terms)
  const owners = new Map(
    shortlist.length
      ? (
          await db
            .selectFrom('calls')
            .innerJoin('organisations as o', 'o.id', 'calls.organisation_id')
            .select(['calls.id', 'o.name'])
            .where(
              'calls.id',
              'in',
              shortlist.map((r) => r.id),
            )
            .execute()
        ).map((r) => [r.id, r.name])
      : [],
  )
  return shortlist.map(({ published_at, tender_deadline, ...r }) => ({
    ...r,
    starts_on: isoDay(published_at),
    ends_on: isoDay(tender_deadline),
    owners: owners.get(r.id) ?? '',
  }))
}

/** What the author chose after seeing the similar ones. */
export type CallOverlapDecision = ItemOverlapDecision

/**
 * Saves a new call draft after the overlap check: `candidates` are the ids the form showed (best
 * first). The draft and the recorded choice are saved in one transaction.
 */
export async function createCallAfterCheck(
  db: DB,
  args: {
    organisationId: number
    userId: number
    input: CallDraftInput
    candidates: readonly number[]
    decision: CallOverlapDecision
    ip?: string | null
  },
): Promise<{ id: number }> {
  return saveAfterCheck(db, 'call', args, (tx) => insertCallDraft(tx, args))
}

/** The calls linked to this one as related, either way round (a draft's only for its organisation). */
export async function relatedCalls(db: DB, id: number, userId: number | null) {
  return relatedItems(db, 'call', id, userId)
}

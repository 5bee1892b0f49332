import { sql } from 'kysely'
import type { DB } from '#db/connection'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import {
  keepSimilar,
  type SimilarityScores,
  similarityExpression,
  similarityTerms,
} from './initiative-overlap.server'
import { type ItemOverlapDecision, relatedItems, saveAfterCheck } from './overlap-records.server'
import { insertOfferDraft, type NewOfferDraft } from './test-bed-offer-editing.server'

// Overlap detection before saving a new test-bed offer (issue 15, part 4; decision record 030,
// revision). The same check as for initiatives and calls (whose term and shortlist rules this
// reuses from initiative-overlap.server.ts): before a host's first save of an offer draft, the
// PUBLISHED offers of OTHER organisations most like it are found — bm25 over test_bed_offers_fts
// (at most TEXT_LIMIT hits), shared themes (bounded), the same county and an overlapping
// availability period (an offer without an end is open). Drafts are private and never shown.
// Offers carry no CPV codes. The host links the new draft to one as related or continues with a
// reason; migration 2026-12-07-20-offer-overlap records the choice append-only and enforces every
// rule again.

const SHORTLIST = 20
const TEXT_LIMIT = 50
const CODE_LIMIT = 200

export interface OfferProbe {
  title: string
  summary: string
  description: string
  themes: readonly string[]
  county_code: string
  available_from: number
  available_until: number | null
}

export interface SimilarOffer extends SimilarityScores {
  id: number
  title: string
  summary: string
  owners: string
  /** The availability period (dates), as the overlap step shows a period. */
  starts_on: string | null
  ends_on: string | null
}

/** The published offers of other organisations most like the probe, best first (at most five). */
export async function findSimilarOffers(
  db: DB,
  organisationId: number,
  probe: OfferProbe,
): Promise<SimilarOffer[]> {
  const text = `${probe.title} ${probe.summary}`
  const terms = similarityTerms(text)
  const match = similarityExpression(text)
  const themes = probe.themes.length ? probe.themes : ['']
  const textHits = match
    ? sql`SELECT rowid AS id, -bm25(test_bed_offers_fts, 3.0, 1.5, 1.0, 0.5, 0.5, 0.5) AS score
        FROM test_bed_offers_fts WHERE test_bed_offers_fts MATCH ${match}
        ORDER BY bm25(test_bed_offers_fts, 3.0, 1.5, 1.0, 0.5, 0.5, 0.5) LIMIT ${TEXT_LIMIT}`
    : sql`SELECT 0 AS id, 0 AS score WHERE 0`
  type Row = Omit<SimilarOffer, 'owners' | 'text' | 'starts_on' | 'ends_on'> & {
    description: string
    text_score: number
    available_from: number
    available_until: number | null
  }
  const until = probe.available_until
  const rows = await sql<Row>`
    WITH text_hits AS (${textHits}),
    theme_hits AS (SELECT offer_id AS id, count(*) AS n FROM (
        SELECT offer_id FROM test_bed_offer_themes WHERE theme_code IN (${sql.join(themes)})
        ORDER BY offer_id DESC LIMIT ${CODE_LIMIT})
      GROUP BY offer_id),
    found AS (SELECT id FROM text_hits UNION SELECT id FROM theme_hits),
    scored AS (
      SELECT o.id, o.title, o.summary, o.description, o.available_from, o.available_until,
        coalesce(t.score, 0) AS text_score,
        coalesce(th.n, 0) AS themes,
        0 AS cpv,
        (o.county_code = ${probe.county_code}) AS counties,
        ((${until} IS NULL OR o.available_from <= ${until})
          AND (o.available_until IS NULL OR ${probe.available_from} <= o.available_until)) AS period
      FROM found f
      JOIN test_bed_offers o ON o.id = f.id
      LEFT JOIN text_hits t ON t.id = o.id
      LEFT JOIN theme_hits th ON th.id = o.id
      WHERE o.organisation_id <> ${organisationId} AND o.status = 'published'
    )
    SELECT * FROM scored
    WHERE (text_score > 0 AND (themes > 0 OR counties > 0 OR period = 1))
      OR (themes > 0 AND counties > 0 AND period IS NOT 0)
    ORDER BY text_score + 2 * min(themes, 2) + 2 * counties
      + 2 * (period IS 1) - 3 * (period IS 0) DESC, id DESC
    LIMIT ${SHORTLIST}`.execute(db)
  const shortlist = keepSimilar(rows.rows, terms)
  const owners = new Map(
    shortlist.length
      ? (
          await db
            .selectFrom('test_bed_offers as o')
            .innerJoin('organisations as org', 'org.id', 'o.organisation_id')
            .select(['o.id', 'org.name'])
            .where(
              'o.id',
              'in',
              shortlist.map((r) => r.id),
            )
            .execute()
        ).map((r) => [r.id, r.name])
      : [],
  )
  return shortlist.map(({ available_from, available_until, ...r }) => ({
    ...r,
    starts_on: toStockholmDateInput(available_from),
    ends_on: available_until === null ? null : toStockholmDateInput(available_until),
    owners: owners.get(r.id) ?? '',
  }))
}

/** What the author chose after seeing the similar ones. */
export type OfferOverlapDecision = ItemOverlapDecision

/**
 * Saves a new offer draft after the overlap check: `candidates` are the ids the form showed (best
 * first). The draft and the recorded choice are saved in one transaction.
 */
export async function createOfferAfterCheck(
  db: DB,
  args: NewOfferDraft & { candidates: readonly number[]; decision: OfferOverlapDecision },
): Promise<{ id: number }> {
  return saveAfterCheck(db, 'test_bed_offer', args, (tx) => insertOfferDraft(tx, args))
}

/** The offers linked to this one as related, either way round (a draft's only for its organisation). */
export async function relatedOffers(db: DB, id: number, userId: number | null) {
  return relatedItems(db, 'test_bed_offer', id, userId)
}

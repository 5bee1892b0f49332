import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { InitiativeStatus, OverlapChoice } from '#db/schema'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { requestCoOwnership } from './initiative-owners.server'
import { ownersOf } from './initiative-reads.server'
import { createInitiative, type InitiativeInput, inTransaction } from './initiatives.server'

// Overlap detection before saving (issue 15, part 4; decision record 030). Before a new initiative
// is saved, the similar initiatives of OTHER organisations are found: the trigram index ranks the
// new text with bm25 (at most TEXT_LIMIT hits), shared CPV classes and themes add candidates
// (each lookup bounded too), and overlapping counties and periods weigh in. The user then joins
// one as co-owner, links the new one to it as related, or continues with a reason; the choice is
// recorded append-only (migration 2026-12-07-13-overlap-checks enforces every rule again).

/** How many similar initiatives the form shows. */
export const MAX_CANDIDATES = 5
/** How many of the best-scored the text check reads before the five are chosen. */
const SHORTLIST = 20
const TEXT_LIMIT = 50
const CODE_LIMIT = 200
const MAX_TERMS = 16

/** Words too common in Swedish and English public-sector texts to say two initiatives are alike. */
const STOPWORDS = new Set(
  `till från inom samt eller inte utan över under efter genom mellan även kommer skall kunna
  också andra annat alla flera mycket några där här vilka vilken detta dessa deras vara varit
  blir blev bland kommun kommunen kommunens region regionen regionens länet länets with from that
  this into will about their they have been which also other more than some project projekt
  företag tillsammans company companies`
    .split(/\s+/)
    .filter(Boolean),
)

/** Cuts a common Swedish ending so that "hemtjänsten" also finds "hemtjänst" (trigram substrings). */
function stem(word: string): string {
  for (const ending of ['erna', 'arna', 'orna', 'ens', 'ets', 'en', 'et', 'na', 'ar', 'er', 'or']) {
    if (word.length - ending.length >= 5 && word.endsWith(ending)) {
      return word.slice(0, -ending.length)
    }
  }
  return word
}

/** The distinct words of four letters or more (stop words left out, common endings cut). */
export function similarityTerms(text: string): string[] {
  const words = text
    .toLocaleLowerCase('sv')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => [...w].length >= 4 && !STOPWORDS.has(w))
    .map(stem)
    .filter((w) => !STOPWORDS.has(w))
  return [...new Set(words)].slice(0, MAX_TERMS)
}

/**
 * The FTS5 expression for "texts like this one": the terms of the title and summary, each a
 * quoted string, ORed so that bm25 ranks by how many and how rare. Null when no word is left.
 */
export function similarityExpression(text: string): string | null {
  const terms = similarityTerms(text)
  if (terms.length === 0) return null
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' OR ')
}

/** The CPV class (first four digits) as an index range: 48100000 → ['4810', '4811']. */
export function classRange(code: string): [string, string] {
  const prefix = code.slice(0, 4)
  return [prefix, String(Number(prefix) + 1).padStart(4, '0')]
}

export interface OverlapProbe {
  title: string
  summary: string
  themes: readonly string[]
  cpv_codes: readonly string[]
  counties: readonly string[]
  starts_on: string | null
  ends_on: string | null
}

export interface SimilarInitiative {
  id: number
  title: string
  summary: string
  kind: string
  status: string
  starts_on: string | null
  ends_on: string | null
  owners: string
  /** Why it was found: the text, shared themes, shared CPV classes, counties, period. */
  text: boolean
  themes: number
  cpv: number
  counties: number
  /** 1 the periods overlap, 0 they do not, null one of them has none. */
  period: number | null
}

/** Why a candidate was found: the text, shared themes and CPV classes, counties, period. */
export interface SimilarityScores {
  text: boolean
  themes: number
  cpv: number
  counties: number
  /** 1 the periods overlap, 0 they do not, null one of them has none. */
  period: number | null
}

/**
 * The scored rows that are similar enough, best first (at most MAX_CANDIDATES); shared by the
 * initiative and call checks. One shared word ("digital") is not a similar text: the text counts
 * when two of the probe's terms (or its only one) occur in the title, summary or description.
 */
export function keepSimilar<
  R extends Omit<SimilarityScores, 'text'> & {
    title: string
    summary: string
    description: string
    text_score: number
  },
>(rows: readonly R[], terms: readonly string[]) {
  const needed = Math.min(2, terms.length)
  return rows
    .map(({ description, text_score, ...r }) => {
      const haystack = `${r.title} ${r.summary} ${description}`.toLocaleLowerCase('sv')
      const matched = text_score > 0 ? terms.filter((t) => haystack.includes(t)).length : 0
      return { ...r, text: needed > 0 && matched >= needed }
    })
    .filter(
      (r) =>
        r.cpv > 0 ||
        (r.text && (r.themes > 0 || r.counties > 0 || r.period === 1)) ||
        (r.themes > 0 && r.counties > 0 && r.period !== 0),
    )
    .slice(0, MAX_CANDIDATES)
}

/**
 * The initiatives of other organisations most like the probe, best first (at most
 * MAX_CANDIDATES). One owned or co-owned (accepted) by the organisation is its own, never shown.
 */
export async function findSimilarInitiatives(
  db: DB,
  organisationId: number,
  probe: OverlapProbe,
): Promise<SimilarInitiative[]> {
  const terms = similarityTerms(`${probe.title} ${probe.summary}`)
  const match = similarityExpression(`${probe.title} ${probe.summary}`)
  const themes = probe.themes.length ? probe.themes : ['']
  const counties = probe.counties.length ? probe.counties : ['']
  const ranges = probe.cpv_codes.map(classRange)
  const cpvCondition = ranges.length
    ? sql.join(
        ranges.map(([from, to]) => sql`(cpv_code >= ${from} AND cpv_code < ${to})`),
        sql` OR `,
      )
    : sql`0`
  const textHits = match
    ? sql`SELECT rowid AS id, -bm25(initiatives_fts, 3.0, 1.5, 1.0) AS score
        FROM initiatives_fts WHERE initiatives_fts MATCH ${match}
        ORDER BY bm25(initiatives_fts, 3.0, 1.5, 1.0) LIMIT ${TEXT_LIMIT}`
    : sql`SELECT 0 AS id, 0 AS score WHERE 0`
  const hasPeriod = probe.starts_on !== null || probe.ends_on !== null
  type Row = Omit<SimilarInitiative, 'owners' | 'text'> & {
    description: string
    text_score: number
  }
  const rows = await sql<Row>`
    WITH text_hits AS (${textHits}),
    theme_hits AS (SELECT initiative_id AS id, count(*) AS n FROM (
        SELECT initiative_id FROM initiative_themes
        WHERE theme_code IN (${sql.join(themes)}) ORDER BY initiative_id DESC LIMIT ${CODE_LIMIT})
      GROUP BY initiative_id),
    cpv_hits AS (SELECT initiative_id AS id, count(*) AS n FROM (
        SELECT initiative_id FROM initiative_cpv_codes WHERE ${cpvCondition}
        ORDER BY initiative_id DESC LIMIT ${CODE_LIMIT})
      GROUP BY initiative_id),
    found AS (SELECT id FROM text_hits UNION SELECT id FROM theme_hits UNION SELECT id FROM cpv_hits),
    scored AS (
      SELECT i.id, i.title, i.summary, i.description, i.kind, i.status, i.starts_on, i.ends_on,
        coalesce(t.score, 0) AS text_score,
        coalesce(th.n, 0) AS themes,
        coalesce(c.n, 0) AS cpv,
        (SELECT count(*) FROM initiative_counties ic WHERE ic.initiative_id = i.id
          AND ic.county_code IN (${sql.join(counties)})) AS counties,
        CASE WHEN ${hasPeriod ? 1 : 0} = 0 OR (i.starts_on IS NULL AND i.ends_on IS NULL) THEN NULL
          WHEN coalesce(i.starts_on, '0000-00-00') <= coalesce(${probe.ends_on}, '9999-12-31')
            AND coalesce(${probe.starts_on}, '0000-00-00') <= coalesce(i.ends_on, '9999-12-31')
          THEN 1 ELSE 0 END AS period
      FROM found f
      JOIN initiatives i ON i.id = f.id
      LEFT JOIN text_hits t ON t.id = i.id
      LEFT JOIN theme_hits th ON th.id = i.id
      LEFT JOIN cpv_hits c ON c.id = i.id
      WHERE i.organisation_id <> ${organisationId}
        AND NOT EXISTS (SELECT 1 FROM initiative_co_owners o WHERE o.initiative_id = i.id
          AND o.organisation_id = ${organisationId} AND o.state = 'accepted')
    )
    SELECT * FROM scored
    WHERE cpv > 0
      OR (text_score > 0 AND (themes > 0 OR counties > 0 OR period = 1))
      OR (themes > 0 AND counties > 0 AND period IS NOT 0)
    ORDER BY text_score + 2 * min(themes, 2) + 3 * min(cpv, 2) + 2 * (counties > 0)
      + 2 * (period IS 1) - 3 * (period IS 0) DESC, id DESC
    LIMIT ${SHORTLIST}`.execute(db)
  const shortlist = keepSimilar(rows.rows, terms)
  const owners = await ownersOf(
    db,
    shortlist.map((r) => r.id),
  )
  return shortlist.map((r) => ({
    ...r,
    owners: (owners.get(r.id) ?? []).map((o) => o.name).join(' + '),
  }))
}

/** What the user chose after seeing the similar initiatives. */
export type OverlapDecision =
  | { choice: 'join'; chosenId: number }
  | { choice: 'related'; chosenId: number }
  | { choice: 'continue'; reason: string }

export const hasFiveLetters = (text: string) => (text.match(/\p{L}/gu) ?? []).length >= 5

/**
 * Saves a new initiative after the overlap check: `candidates` are the ids the form showed (best
 * first). Join sends the organisation's request to co-own the chosen one and creates nothing;
 * related and continue create the initiative. The choice is recorded in the same transaction.
 */
export async function createInitiativeAfterCheck(
  db: DB,
  args: {
    organisation: { id: number; kind: string; verification_status: string }
    userId: number
    input: InitiativeInput
    candidates: readonly number[]
    decision: OverlapDecision
    /** The new initiative's status (default idea); the demo seed records planned ones. */
    status?: InitiativeStatus
    ip?: string | null
  },
): Promise<{ created: number | null; joined: number | null }> {
  const { decision } = args
  if (decision.choice === 'continue' && !hasFiveLetters(decision.reason)) {
    throw new DomainError('overlap_reason_required')
  }
  if (decision.choice !== 'continue' && !args.candidates.includes(decision.chosenId)) {
    throw new DomainError('overlap_candidate_invalid')
  }
  return withRules(() =>
    inTransaction(db, async (tx) => {
      let created: number | null = null
      if (decision.choice === 'join') {
        await requestCoOwnership(tx, {
          initiativeId: decision.chosenId,
          organisationId: args.organisation.id,
          userId: args.userId,
          ip: args.ip,
        })
      } else {
        const row = await createInitiative(tx, {
          organisation: args.organisation,
          userId: args.userId,
          input: args.input,
          status: args.status,
          ip: args.ip,
        })
        created = row.id
      }
      const chosen = decision.choice === 'continue' ? null : decision.chosenId
      const check = await tx
        .insertInto('initiative_overlap_checks')
        .values({
          organisation_id: args.organisation.id,
          checked_by: args.userId,
          checked_at: now(),
          initiative_id: created,
          candidates: JSON.stringify(args.candidates),
          choice: decision.choice,
          chosen_id: chosen,
          reason: decision.choice === 'continue' ? decision.reason : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: args.organisation.id,
        action: 'initiative.overlap_checked',
        entityType: 'initiative',
        entityId: created ?? chosen,
        after: { check: check.id, candidates: args.candidates, choice: decision.choice, chosen },
        ip: args.ip ?? null,
      })
      return { created, joined: decision.choice === 'join' ? chosen : null }
    }),
  )
}

/** The initiatives linked to this one as related, either way round (public: the register is). */
export async function relatedInitiatives(db: DB, initiativeId: number) {
  const linked = db
    .selectFrom('initiative_overlap_checks')
    .select('chosen_id as id')
    .where('choice', '=', 'related')
    .where('initiative_id', '=', initiativeId)
    .union(
      db
        .selectFrom('initiative_overlap_checks')
        .select('initiative_id as id')
        .where('choice', '=', 'related')
        .where('chosen_id', '=', initiativeId),
    )
  const rows = await db
    .selectFrom('initiatives')
    .select(['id', 'title'])
    .where('id', 'in', linked)
    .orderBy('id')
    .execute()
  const owners = await ownersOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    ...r,
    owners: (owners.get(r.id) ?? []).map((o) => o.name).join(' + '),
  }))
}

export interface RecordedCheck {
  id: number
  checked_at: number
  checked_by_name: string
  organisation_name: string
  choice: OverlapChoice
  initiative_id: number | null
  chosen_id: number | null
  chosen_title: string | null
  reason: string | null
  candidates: { id: number; title: string }[]
}

/**
 * The choices recorded about this initiative (made when it was created, or joining it) that the
 * viewer may see: only those of an organisation the viewer is a member of.
 */
export async function recordedChecks(
  db: DB,
  initiativeId: number,
  userId: number | null,
): Promise<RecordedCheck[]> {
  if (userId === null) return []
  const rows = await db
    .selectFrom('initiative_overlap_checks as k')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 'k.organisation_id').on('m.user_id', '=', userId),
    )
    .innerJoin('users as u', 'u.id', 'k.checked_by')
    .innerJoin('organisations as o', 'o.id', 'k.organisation_id')
    .leftJoin('initiatives as c', 'c.id', 'k.chosen_id')
    .select(['k.id', 'k.checked_at', 'k.choice', 'k.initiative_id', 'k.chosen_id', 'k.reason'])
    .select(['k.candidates', 'u.name as checked_by_name', 'o.name as organisation_name'])
    .select('c.title as chosen_title')
    .where((eb) =>
      eb.or([
        eb('k.initiative_id', '=', initiativeId),
        eb.and([eb('k.chosen_id', '=', initiativeId), eb('k.choice', '=', 'join')]),
      ]),
    )
    .orderBy('k.id')
    .execute()
  const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.candidates) as number[]))]
  const titles = new Map(
    ids.length
      ? (
          await db
            .selectFrom('initiatives')
            .select(['id', 'title'])
            .where('id', 'in', ids)
            .execute()
        ).map((r) => [r.id, r.title])
      : [],
  )
  return rows.map(({ candidates, ...r }) => ({
    ...r,
    candidates: (JSON.parse(candidates) as number[]).map((id) => ({
      id,
      title: titles.get(id) ?? '',
    })),
  }))
}

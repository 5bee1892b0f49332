import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { CallCriterionKind, Procedure } from '#db/schema'
import { now, setClockOffset } from '~/utils/clock.server'
import { createHost } from './test-bed-factories'

// Raw inserts that satisfy the rules of migration 2026-11-25-03-calls. Integration databases read
// the app's clock (tests/helpers/integration-setup.ts), so `advanceClock` crosses deadlines for
// the database rules too.

const DAY = 86400
let offset = 0

/** Moves the app's and the test database's clock forward by `seconds` (cumulative). */
export function advanceClock(seconds: number): void {
  offset += seconds
  setClockOffset(offset)
}

/** Back to the real clock; call it in afterEach when a test advanced the clock. */
export function resetClock(): void {
  offset = 0
  setClockOffset(0)
}

/** A verified public body with one admin user, ready to publish calls. */
export const createBuyer = createHost

export interface CallCriterionInput {
  kind: CallCriterionKind
  title: string
  weight?: number
}

export const DEFAULT_CALL_CRITERIA: CallCriterionInput[] = [
  { kind: 'requirement', title: 'Uppfyller GDPR och har DPIA' },
  { kind: 'criterion', title: 'Funktion och nytta för brukaren', weight: 60 },
  { kind: 'criterion', title: 'Pris', weight: 40 },
]

export interface CallOptions {
  status?: 'draft' | 'published'
  procedure?: Procedure
  title?: string
  summary?: string
  need?: string
  /** Seconds from now (default 40 days; at least 30 days to publish, 10 for a market dialogue). */
  tenderDeadlineIn?: number
  /** Seconds from now (default 20 days); must be at least 6 days before the tender deadline. */
  questionDeadlineIn?: number
  maxWinners?: number
  estimatedValue?: number | null
  criteria?: CallCriterionInput[]
  themes?: string[]
  cpv?: string[]
}

/** A call by `buyer` (published unless `status: 'draft'`), with criteria, themes and CPV codes. */
export async function createCall(
  db: DB,
  buyer: { org: { id: number }; user: { id: number } },
  options: CallOptions = {},
) {
  const at = now()
  const procedure = options.procedure ?? 'open'
  const criteria =
    options.criteria ??
    (procedure === 'market_dialogue'
      ? [{ kind: 'requirement' as const, title: 'Beskriv er lösning' }]
      : DEFAULT_CALL_CRITERIA)
  const call = await db
    .insertInto('calls')
    .values({
      organisation_id: buyer.org.id,
      procedure,
      title: options.title ?? 'Trygg nattillsyn i hemtjänsten',
      summary: options.summary ?? 'Ett innovationspartnerskap för tryggare nätter i hemmet.',
      need:
        options.need ?? 'Vi söker lösningar som gör nattillsynen tryggare utan att väcka brukaren.',
      functional_requirements: 1,
      novel_to_market: 1,
      includes_rnd: procedure === 'pcp' ? 1 : 0,
      estimated_value_sek:
        options.estimatedValue === undefined
          ? procedure === 'market_dialogue'
            ? null
            : 2_000_000
          : options.estimatedValue,
      max_winners: options.maxWinners ?? (procedure === 'pcp' ? 2 : 1),
      county_code: '25',
      municipality_code: null,
      question_deadline: at + (options.questionDeadlineIn ?? 20 * DAY),
      tender_deadline: at + (options.tenderDeadlineIn ?? 40 * DAY),
      created_by: buyer.user.id,
      updated_by: buyer.user.id,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  let position = 0
  for (const c of criteria) {
    position++
    await db
      .insertInto('call_criteria')
      .values({
        call_id: call.id,
        kind: c.kind,
        position,
        title: c.title,
        weight: c.kind === 'criterion' ? (c.weight ?? null) : null,
      })
      .execute()
  }
  for (const theme of options.themes ?? ['welfare_technology']) {
    await db.insertInto('call_themes').values({ call_id: call.id, theme_code: theme }).execute()
  }
  for (const code of options.cpv ?? ['72000000']) {
    await db.insertInto('call_cpv_codes').values({ call_id: call.id, cpv_code: code }).execute()
  }
  if ((options.status ?? 'published') === 'published') {
    await db
      .updateTable('calls')
      .set({ status: 'published', published_at: now(), updated_at: now() })
      .where('id', '=', call.id)
      .execute()
  }
  const current = await db
    .selectFrom('calls')
    .selectAll()
    .where('id', '=', call.id)
    .executeTakeFirstOrThrow()
  const rows = await db
    .selectFrom('call_criteria')
    .selectAll()
    .where('call_id', '=', call.id)
    .orderBy('position')
    .execute()
  return { call: current, criteria: rows }
}

/** The opening record exactly as migration 03 computes it: the submitted bids with receipts. */
export const openingRecordSql = (
  callId: number,
) => sql<string>`(SELECT json_group_array(json_object(
    'bid_id', id, 'company_id', company_id, 'submitted_at', submitted_at, 'receipt_hash', receipt_hash))
    FROM (SELECT id, company_id, submitted_at, receipt_hash FROM bids
      WHERE call_id = ${callId} AND status = 'submitted' ORDER BY id))`

/** Opens the bids of a call past its deadline, as buyer member `userId` (raw, through the rules). */
export function openBidsRaw(db: DB, callId: number, userId: number) {
  return sql`INSERT INTO bid_openings (call_id, opened_by, opened_at, record_json)
    SELECT ${callId}, ${userId}, ${now()}, ${openingRecordSql(callId)}`.execute(db)
}

/** `userId` declares no conflict of interest on an opened call. */
export function declareEvaluatorRaw(db: DB, callId: number, userId: number) {
  return db
    .insertInto('evaluator_declarations')
    .values({ call_id: callId, user_id: userId, declared_at: now() })
    .execute()
}

/** Scores every criterion in force of a bid: weighted criteria `score` (0–10), must-haves `met`. */
export function scoreBidRaw(db: DB, bidId: number, evaluatorId: number, score: number, met = 1) {
  return sql`INSERT INTO bid_scores (bid_id, criterion_id, evaluator_id, score, justification, scored_at)
    SELECT b.id, c.id, ${evaluatorId}, CASE c.kind WHEN 'requirement' THEN ${met} ELSE ${score} END,
      'Motiverat enligt kriteriet.', ${now()}
    FROM bids b JOIN call_criteria_current c ON c.call_id = b.call_id WHERE b.id = ${bidId}`.execute(
    db,
  )
}

/** Completes the evaluation of an opened call. */
export function completeEvaluationRaw(db: DB, callId: number, userId: number) {
  return db
    .updateTable('calls')
    .set({ status: 'evaluated', evaluated_at: now(), updated_by: userId, updated_at: now() })
    .where('id', '=', callId)
    .execute()
}

/** Awards an evaluated call to `bidIds` in one transaction, with reasons and the standstill. */
export function awardRaw(db: DB, callId: number, bidIds: number[], userId: number) {
  return db.transaction().execute(async (tx) => {
    for (const bidId of bidIds) {
      await tx
        .insertInto('call_awards')
        .values({ call_id: callId, bid_id: bidId, created_at: now() })
        .execute()
    }
    const { standstill_days } = await tx
      .selectFrom('calls')
      .select('standstill_days')
      .where('id', '=', callId)
      .executeTakeFirstOrThrow()
    const at = now()
    await tx
      .updateTable('calls')
      .set({
        status: 'awarded',
        decided_at: at,
        decided_by: userId,
        updated_by: userId,
        updated_at: at,
        outcome_reason: 'Högst viktad poäng enligt de publicerade kriterierna.',
        standstill_ends_at: at + standstill_days * DAY,
      })
      .where('id', '=', callId)
      .execute()
  })
}

export { DAY }

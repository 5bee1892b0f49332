import type { DB } from '#db/connection'
import type { CallStatus, Locale } from '#db/schema'
import { formatDateTime, formatNumber } from '~/i18n/format'
import { getTranslator } from '~/i18n/messages'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import { type CallAudience, notifyCall } from './call-notifications.server'
import type { MailTemplate } from './outbox.server'
import { queueMail } from './outbox.server'

// The outcome of a call as its bidders hear it (one mail per person, all in the transaction of
// the decision, so everyone learns the same at the same moment), and the reminders that keep a
// buyer at it until every call past its deadline has an explicit outcome.

const DAY = 86400
/** A buyer hears about a call still without an outcome at most this often. */
export const REMINDER_INTERVAL_SECONDS = 7 * DAY

export type CallOutcome = 'awarded' | 'unsuccessful' | 'cancelled' | 'concluded'

interface BidResultRow {
  bidId: number
  companyName: string
  passes: boolean
  score: number
  awarded: boolean
  /** Mean score 0–10 per weighted criterion in force, in the published order. */
  criteria: { title: string; mean: number | null }[]
}

/** Every opened bid's result: pass/fail, weighted score and mean score per criterion. */
async function bidResults(db: DB, callId: number): Promise<BidResultRow[]> {
  const results = await db
    .selectFrom('bid_results as r')
    .innerJoin('organisations as o', 'o.id', 'r.company_id')
    .leftJoin('call_awards as a', 'a.bid_id', 'r.bid_id')
    .select(['r.bid_id', 'r.passes', 'r.score', 'o.name', 'a.bid_id as awarded'])
    .where('r.call_id', '=', callId)
    .orderBy('r.passes', 'desc')
    .orderBy('r.score', 'desc')
    .orderBy('r.bid_id')
    .execute()
  const criteria = await db
    .selectFrom('call_criteria_current')
    .select(['id', 'title'])
    .where('call_id', '=', callId)
    .where('kind', '=', 'criterion')
    .orderBy('position')
    .orderBy('id')
    .execute()
  const means = await db
    .selectFrom('bid_scores as s')
    .innerJoin('bids as b', 'b.id', 's.bid_id')
    .select(['s.bid_id', 's.criterion_id', (eb) => eb.fn.avg<number>('s.score').as('mean')])
    .where('b.call_id', '=', callId)
    .groupBy(['s.bid_id', 's.criterion_id'])
    .execute()
  return results.map((r) => ({
    bidId: r.bid_id,
    companyName: r.name,
    passes: r.passes === 1,
    score: r.score,
    awarded: r.awarded !== null,
    criteria: criteria.map((c) => {
      const mean = means.find((m) => m.bid_id === r.bid_id && m.criterion_id === c.id)?.mean
      return { title: c.title, mean: mean == null ? null : Number(mean) }
    }),
  }))
}

function decimal(value: number, locale: Locale) {
  return formatNumber(Math.round(value * 100) / 100, locale)
}

/** The award in words for one locale: one line per bid, then the standstill end with its zone. */
function awardDetails(rows: BidResultRow[], standstillEndsAt: number | null, locale: Locale) {
  const t = getTranslator(locale)
  const lines = rows.map((r) => {
    const criteria = r.criteria
      .map((c) =>
        t('evaluation.mail.criterionScore', {
          title: c.title,
          score: c.mean === null ? '–' : decimal(c.mean, locale),
        }),
      )
      .join('; ')
    return t(r.passes ? 'evaluation.mail.resultLine' : 'evaluation.mail.resultLineFailed', {
      company: r.companyName,
      winner: r.awarded ? t('evaluation.mail.winner') : '',
      score: decimal(r.score, locale),
      criteria,
    })
  })
  const standstill =
    standstillEndsAt === null
      ? ''
      : `\n\n${t('evaluation.mail.standstill', { date: formatDateTime(standstillEndsAt, locale) })}`
  return `${t('evaluation.mail.resultsHeading')}\n${lines.join('\n')}${standstill}\n\n`
}

export function callLink(callId: number): string {
  return `${getEnv().APP_ORIGIN}/calls/${callId}`
}

/**
 * Tells the audience of a decision, inside the decision's transaction: the bidders (call_outcome,
 * with winners, scores, reasons and the standstill end) or, for a cancellation before the
 * deadline, everyone interested (call_cancelled). Each person once, in their own language.
 */
export async function notifyOutcome(
  db: DB,
  input: { callId: number; audience: CallAudience; template: MailTemplate; outcome: CallOutcome },
): Promise<number> {
  const call = await db
    .selectFrom('calls')
    .innerJoin('organisations', 'organisations.id', 'calls.organisation_id')
    .select([
      'calls.id',
      'calls.title',
      'calls.outcome_reason',
      'calls.standstill_ends_at',
      'organisations.name as buyer',
    ])
    .where('calls.id', '=', input.callId)
    .executeTakeFirstOrThrow()
  const rows = input.outcome === 'awarded' ? await bidResults(db, call.id) : []
  const winners = rows.filter((r) => r.awarded).map((r) => r.companyName)
  return notifyCall(db, input.audience, {
    callId: call.id,
    event: 'outcome',
    template: input.template,
    params: (locale) => {
      const t = getTranslator(locale)
      return {
        title: call.title,
        buyer: call.buyer,
        decision: t(`evaluation.mail.decision.${input.outcome}`, { winners: winners.join(', ') }),
        details:
          input.outcome === 'awarded' ? awardDetails(rows, call.standstill_ends_at, locale) : '',
        reason: call.outcome_reason ?? '',
        link: callLink(call.id),
      }
    },
  })
}

// ---------------------------------------------------------------------------------------------
// Reminders until every closed call has an outcome

/** Statuses that still need an outcome once the tender deadline has passed. */
const PENDING: CallStatus[] = ['published', 'opened', 'evaluated']

export interface PendingOutcome {
  id: number
  title: string
  status: CallStatus
  tenderDeadline: number
}

/** An organisation's calls past their deadline without a final outcome, oldest deadline first. */
export async function listPendingOutcomes(
  db: DB,
  organisationId: number,
): Promise<PendingOutcome[]> {
  const rows = await db
    .selectFrom('calls')
    .select(['id', 'title', 'status', 'tender_deadline'])
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', PENDING)
    .where('tender_deadline', '<=', now())
    .orderBy('tender_deadline')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    tenderDeadline: r.tender_deadline,
  }))
}

/**
 * Mails every member of the buyer about each call past its deadline without an outcome, at most
 * once per REMINDER_INTERVAL_SECONDS per call (call_outcome_reminders), audited. Run hourly by the
 * server. Returns the number of calls reminded about.
 */
export async function remindPendingOutcomes(db: DB): Promise<number> {
  const at = now()
  const due = await db
    .selectFrom('calls')
    .leftJoin('call_outcome_reminders as r', 'r.call_id', 'calls.id')
    .select(['calls.id'])
    .where('calls.status', 'in', PENDING)
    .where('calls.tender_deadline', '<=', at)
    .where((eb) =>
      eb.or([
        eb('r.last_sent_at', 'is', null),
        eb('r.last_sent_at', '<=', at - REMINDER_INTERVAL_SECONDS),
      ]),
    )
    .orderBy('calls.id')
    .execute()
  let reminded = 0
  for (const { id } of due) {
    const sent = await db.transaction().execute(async (tx) => {
      // Checked again inside the transaction: an outcome or another reminder may have come first.
      const call = await tx
        .selectFrom('calls')
        .leftJoin('call_outcome_reminders as r', 'r.call_id', 'calls.id')
        .select([
          'calls.id',
          'calls.organisation_id',
          'calls.title',
          'calls.status',
          'calls.tender_deadline',
          'r.last_sent_at',
          'r.count',
        ])
        .where('calls.id', '=', id)
        .where('calls.status', 'in', PENDING)
        .where('calls.tender_deadline', '<=', now())
        .executeTakeFirst()
      if (!call) return false
      if (call.last_sent_at !== null && call.last_sent_at > now() - REMINDER_INTERVAL_SECONDS) {
        return false
      }
      const count = (call.count ?? 0) + 1
      await tx
        .insertInto('call_outcome_reminders')
        .values({ call_id: call.id, last_sent_at: now(), count })
        .onConflict((oc) => oc.column('call_id').doUpdateSet({ last_sent_at: now(), count }))
        .execute()
      const members = await tx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.email', 'users.locale'])
        .where('memberships.organisation_id', '=', call.organisation_id)
        .orderBy('users.id')
        .execute()
      for (const m of members) {
        await queueMail(tx, {
          to: m.email,
          locale: m.locale,
          template: 'call_outcome_reminder',
          params: {
            title: call.title,
            deadline: formatDateTime(call.tender_deadline, m.locale),
            link: `${callLink(call.id)}/evaluation`,
          },
        })
      }
      await audit(tx, {
        actorUserId: null,
        organisationId: call.organisation_id,
        action: 'call.outcome_reminded',
        entityType: 'call',
        entityId: call.id,
        after: { status: call.status, count, recipients: members.length },
      })
      return true
    })
    if (sent) reminded++
  }
  return reminded
}

import { outerLoop } from './catalogue-query.server'
import type { DB } from '#db/connection'
import type { ApplicationStatus } from '#db/schema'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { queueMail } from './outbox.server'
import { stateAidTotals } from './state-aid.server'

/** What a host ever sees of an application: drafts belong to the company alone. */
export const HOST_VISIBLE_STATUSES: ApplicationStatus[] = [
  'submitted',
  'withdrawn',
  'accepted',
  'declined',
]

export const DECISIONS = ['accept', 'decline'] as const
export type Decision = (typeof DECISIONS)[number]

/** The offer, when the user is a member of its host; anyone else learns nothing ('not_found'). */
async function offerForHostMember(db: DB, offerId: number, userId: number) {
  const offer = await db
    .selectFrom('test_bed_offers as o')
    .innerJoin('organisations as h', 'h.id', 'o.organisation_id')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 'o.organisation_id').on('m.user_id', '=', userId),
    )
    .select([
      'o.id',
      'o.title',
      'o.status',
      'o.intake',
      'o.deadline',
      'o.capacity',
      'o.access_model',
      'o.market_value_sek',
      'o.price_sek',
      'h.id as host_id',
      'h.name as host_name',
      'h.slug as host_slug',
    ])
    .where('o.id', '=', offerId)
    .executeTakeFirst()
  if (!offer) throw new DomainError('not_found')
  // A round is sealed until its deadline: nobody at the host may read or weigh early arrivals.
  const sealed = offer.intake === 'round' && offer.deadline !== null && offer.deadline > now()
  return { ...offer, sealed }
}

async function runningPilots(db: DB, offerId: number): Promise<number> {
  const row = await db
    .selectFrom('pilots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('offer_id', '=', offerId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * The applications to an offer as its host may see them: for rolling intake every one that was
 * submitted; for a round, before the deadline only how many came in.
 */
export async function listApplicationsForHost(db: DB, offerId: number, userId: number) {
  const offer = await offerForHostMember(db, offerId, userId)
  const received = await db
    .selectFrom('pilot_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('offer_id', '=', offer.id)
    .where('submitted_at', 'is not', null)
    .executeTakeFirstOrThrow()
  const applications = offer.sealed
    ? []
    : await db
        .selectFrom('pilot_applications as a')
        .innerJoin('organisations as c', 'c.id', 'a.company_id')
        .select([
          'a.id',
          'a.status',
          'a.product_name',
          'a.submitted_at',
          'a.decided_at',
          'c.name as company_name',
          'c.slug as company_slug',
          'c.size_class',
        ])
        .where('a.offer_id', '=', offer.id)
        .where('a.status', 'in', HOST_VISIBLE_STATUSES)
        .orderBy('a.submitted_at')
        .orderBy('a.id')
        .execute()
  return {
    offer,
    received: Number(received.n),
    runningPilots: await runningPilots(db, offer.id),
    applications,
  }
}

async function visibleApplication(
  db: DB,
  offer: { id: number; sealed: boolean },
  applicationId: number,
) {
  if (offer.sealed) throw new DomainError('not_found')
  const application = await db
    .selectFrom('pilot_applications')
    .selectAll()
    .where('id', '=', applicationId)
    .where('offer_id', '=', offer.id)
    .where('status', 'in', HOST_VISIBLE_STATUSES)
    .executeTakeFirst()
  if (!application) throw new DomainError('not_found')
  return application
}

/**
 * One application for the host's assessment: the application, the company, the published
 * criteria with any scores, the decision, the pilot it became, and the company's state aid.
 */
export async function getApplicationForHost(
  db: DB,
  options: { offerId: number; applicationId: number; userId: number },
) {
  const offer = await offerForHostMember(db, options.offerId, options.userId)
  const application = await visibleApplication(db, offer, options.applicationId)
  const [company, submitter, decider, criteria, scores, pilot, aid, running] = await Promise.all([
    db
      .selectFrom('organisations as c')
      .innerJoin('counties', (join) => join.on('counties.code', '=', outerLoop('c.county_code')))
      .select([
        'c.id',
        'c.name',
        'c.slug',
        'c.size_class',
        'c.org_number',
        'counties.name as county',
      ])
      .where('c.id', '=', application.company_id)
      .executeTakeFirstOrThrow(),
    application.submitted_by === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('users')
          .select('name')
          .where('id', '=', application.submitted_by)
          .executeTakeFirst(),
    application.decided_by === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('users')
          .select('name')
          .where('id', '=', application.decided_by)
          .executeTakeFirst(),
    db
      .selectFrom('test_bed_criteria')
      .select(['id', 'position', 'title', 'description', 'kind'])
      .where('offer_id', '=', offer.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('pilot_application_scores')
      .select(['criterion_id', 'score', 'met', 'comment'])
      .where('application_id', '=', application.id)
      .execute(),
    db
      .selectFrom('pilots')
      .select(['id', 'status'])
      .where('application_id', '=', application.id)
      .executeTakeFirst(),
    stateAidTotals(db, application.company_id),
    runningPilots(db, offer.id),
  ])
  const byCriterion = new Map(scores.map((s) => [s.criterion_id, s]))
  return {
    offer: { ...offer, runningPilots: running },
    company,
    application: {
      id: application.id,
      status: application.status,
      product_name: application.product_name,
      product_description: application.product_description,
      trl: application.trl,
      test_goals: application.test_goals,
      proposed_start: application.proposed_start,
      proposed_end: application.proposed_end,
      test_user_count: application.test_user_count,
      test_user_description: application.test_user_description,
      data_needs: application.data_needs,
      contribution: application.contribution,
      declares_requirements: application.declares_requirements === 1,
      declares_no_conflict: application.declares_no_conflict === 1,
      submitted_at: application.submitted_at,
      submitted_by_name: submitter?.name ?? null,
      receipt_hash: application.receipt_hash,
      withdrawn_at: application.withdrawn_at,
      decided_at: application.decided_at,
      decided_by_name: decider?.name ?? null,
      decision_reason: application.decision_reason,
      pilot_starts_on: application.pilot_starts_on,
      pilot_ends_on: application.pilot_ends_on,
    },
    criteria: criteria.map((c) => {
      const s = byCriterion.get(c.id)
      return {
        ...c,
        score: s
          ? { score: s.score, met: s.met === null ? null : s.met === 1, comment: s.comment }
          : null,
      }
    }),
    pilot: pilot ?? null,
    stateAid: { ...aid, thisPilot: offer.market_value_sek - offer.price_sek },
  }
}

export interface CriterionAssessment {
  criterionId: number
  /** 0–5 for a 'score' criterion. */
  score?: number | null
  /** For a 'pass_fail' criterion. */
  met?: boolean | null
  comment: string
}

export interface DecisionInput {
  offerId: number
  applicationId: number
  userId: number
  decision: Decision
  reason: string
  scores: CriterionAssessment[]
  /** Stockholm midnight of the first and last pilot day (accept only). */
  startsOn: number | null
  endsOn: number | null
  ip?: string | null
}

/**
 * The host decides: the scores first, then the decision, in one transaction. The database refuses
 * what the rules forbid (round_still_open, capacity_full, must_have_not_met, criteria_not_scored,
 * application_decided, reason_required, decision_by_host_only) and, on acceptance, creates the
 * pilot and the state-aid row itself. Every member of the company is told, in their own language.
 */
export async function decideApplication(db: DB, input: DecisionInput) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const offer = await offerForHostMember(tx, input.offerId, input.userId)
      const application = await visibleApplication(tx, offer, input.applicationId)
      // Said here too: the scores' conflict guard would otherwise answer first.
      if (application.status !== 'submitted') throw new DomainError('application_decided')
      const at = now()
      if (input.scores.length > 0) {
        await tx
          .insertInto('pilot_application_scores')
          .values(
            input.scores.map((s) => ({
              application_id: application.id,
              criterion_id: s.criterionId,
              score: s.score ?? null,
              met: s.met == null ? null : s.met ? (1 as const) : (0 as const),
              comment: s.comment.trim(),
              scored_by: input.userId,
              scored_at: at,
            })),
          )
          .execute()
      }
      const accepted = input.decision === 'accept'
      if (
        accepted &&
        (input.startsOn === null || input.endsOn === null || input.endsOn <= input.startsOn)
      ) {
        // The form checks the period; reaching this is a programming error, not a user's.
        throw new Error('An acceptance needs a pilot period that ends after it starts')
      }
      const status = accepted ? 'accepted' : 'declined'
      await tx
        .updateTable('pilot_applications')
        .set({
          status,
          decided_at: at,
          decided_by: input.userId,
          decision_reason: input.reason.trim(),
          pilot_starts_on: accepted ? input.startsOn : null,
          pilot_ends_on: accepted ? input.endsOn : null,
        })
        .where('id', '=', application.id)
        .execute()
      const pilot = accepted
        ? await tx
            .selectFrom('pilots')
            .select('id')
            .where('application_id', '=', application.id)
            .executeTakeFirst()
        : undefined
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: offer.host_id,
        action: `application.${status}`,
        entityType: 'pilot_application',
        entityId: application.id,
        before: { status: application.status },
        after: {
          status,
          reason: input.reason.trim(),
          scores: input.scores,
          pilot_id: pilot?.id ?? null,
          starts_on: accepted ? input.startsOn : null,
          ends_on: accepted ? input.endsOn : null,
        },
        ip: input.ip ?? null,
      })
      const company = await tx
        .selectFrom('organisations')
        .select('name')
        .where('id', '=', application.company_id)
        .executeTakeFirstOrThrow()
      const recipients = await tx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.email', 'users.locale'])
        .where('memberships.organisation_id', '=', application.company_id)
        .orderBy('users.id')
        .execute()
      const link = `${getEnv().APP_ORIGIN}/applications/${application.id}`
      for (const r of recipients) {
        await queueMail(tx, {
          to: r.email,
          locale: r.locale,
          template: accepted ? 'application_accepted' : 'application_declined',
          params: {
            offer: offer.title,
            host: offer.host_name,
            company: company.name,
            reason: input.reason.trim(),
            link,
          },
        })
      }
      return { status, pilotId: pilot?.id ?? null }
    }),
  )
}

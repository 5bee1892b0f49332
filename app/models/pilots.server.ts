import { sql } from 'kysely'
import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { memberFlag } from './memberships.server'
import { type MailTemplate, queueMail } from './outbox.server'

export type PilotSide = 'host' | 'company'

/**
 * The pilot and the side the user is on, when the user is a member of its host or its company;
 * anyone else gets 'not_found'. Someone in both organisations speaks for the host.
 */
async function pilotForParty(db: DB, pilotId: number, userId: number) {
  const pilot = await db
    .selectFrom('pilots as p')
    .innerJoin('test_bed_offers as o', 'o.id', 'p.offer_id')
    .innerJoin('organisations as h', 'h.id', 'p.host_id')
    .innerJoin('organisations as c', 'c.id', 'p.company_id')
    .select([
      'p.id',
      'p.application_id',
      'p.status',
      'p.starts_on',
      'p.ends_on',
      'p.created_at',
      'p.completed_at',
      'p.host_id',
      'p.company_id',
      'o.id as offer_id',
      'o.title as offer_title',
      'h.name as host_name',
      'h.slug as host_slug',
      'c.name as company_name',
      'c.slug as company_slug',
      memberFlag('p.host_id', userId).as('is_host'),
      memberFlag('p.company_id', userId).as('is_company'),
    ])
    .where('p.id', '=', pilotId)
    .executeTakeFirst()
  if (!pilot || (!pilot.is_host && !pilot.is_company)) throw new DomainError('not_found')
  const { is_host, is_company: _isCompany, ...rest } = pilot
  const side: PilotSide = is_host ? 'host' : 'company'
  return { ...rest, side, sideOrganisationId: side === 'host' ? rest.host_id : rest.company_id }
}

/** The pilot page: details, the private thread (oldest first) and the test report, for parties only. */
export async function getPilotForMember(db: DB, pilotId: number, userId: number) {
  const pilot = await pilotForParty(db, pilotId, userId)
  const [messages, report] = await Promise.all([
    // The other side's messages held by a running call (migration 05) are not shown; a company
    // sees that its own are held, a host never does (it would tell the host who bids).
    db
      .selectFrom('pilot_messages_visible as m')
      .innerJoin('users as u', 'u.id', 'm.author_id')
      .innerJoin('organisations as org', 'org.id', 'm.organisation_id')
      .select([
        'm.id',
        'm.body',
        'm.created_at',
        'u.name as author_name',
        'org.name as organisation_name',
        pilot.side === 'company' ? 'm.held' : sql<0>`0`.as('held'),
      ])
      .where('m.pilot_id', '=', pilot.id)
      .where((eb) =>
        eb.or([eb('m.organisation_id', '=', pilot.sideOrganisationId), eb('m.held', '=', 0)]),
      )
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('pilot_reports as r')
      .innerJoin('users as a', 'a.id', 'r.author_id')
      .leftJoin('users as rb', 'rb.id', 'r.responded_by')
      .select([
        'r.what_tested',
        'r.with_whom',
        'r.results',
        'r.recommendations',
        'r.submitted_at',
        'a.name as author_name',
        'r.response',
        'r.responded_at',
        'rb.name as responded_by_name',
      ])
      .where('r.pilot_id', '=', pilot.id)
      .executeTakeFirst(),
  ])
  const { sideOrganisationId: _side, ...details } = pilot
  return { pilot: details, messages, report: report ?? null }
}

/** Queues one mail per member of the organisation (except `exceptUserId`), each in their locale. */
async function mailMembers(
  db: DB,
  organisationId: number,
  exceptUserId: number,
  template: MailTemplate,
  params: Record<string, string>,
) {
  const recipients = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email', 'users.locale'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('users.id', '<>', exceptUserId)
    .orderBy('users.id')
    .execute()
  for (const r of recipients) {
    await queueMail(db, { to: r.email, locale: r.locale, template, params })
  }
}

function pilotLink(pilotId: number): string {
  return `${getEnv().APP_ORIGIN}/pilots/${pilotId}`
}

/**
 * A party adds a message to the pilot's private thread (append-only; the database refuses anyone
 * who is not a member of the host or the company). The other party's members are told.
 */
export async function postPilotMessage(
  db: DB,
  input: { pilotId: number; userId: number; body: string; ip?: string | null },
): Promise<number> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const pilot = await pilotForParty(tx, input.pilotId, input.userId)
      const message = await tx
        .insertInto('pilot_messages')
        .values({
          pilot_id: pilot.id,
          organisation_id: pilot.sideOrganisationId,
          author_id: input.userId,
          body: input.body.trim(),
          created_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: pilot.sideOrganisationId,
        action: 'pilot.message_posted',
        entityType: 'pilot_message',
        entityId: message.id,
        after: { pilot_id: pilot.id, organisation_id: pilot.sideOrganisationId },
        ip: input.ip ?? null,
      })
      const author = await tx
        .selectFrom('users')
        .select('name')
        .where('id', '=', input.userId)
        .executeTakeFirstOrThrow()
      const { held } = await tx
        .selectFrom('pilot_messages_visible')
        .select('held')
        .where('id', '=', message.id)
        .executeTakeFirstOrThrow()
      if (held) return message.id
      const other = pilot.side === 'host' ? pilot.company_id : pilot.host_id
      await mailMembers(tx, other, input.userId, 'pilot_message', {
        offer: pilot.offer_title,
        author: author.name,
        organisation: pilot.side === 'host' ? pilot.host_name : pilot.company_name,
        link: pilotLink(pilot.id),
      })
      return message.id
    }),
  )
}

export interface TestReportInput {
  what_tested: string
  with_whom: string
  results: string
  recommendations: string
}

/**
 * The host files the test report; the database completes the pilot with it and refuses anyone
 * but a member of the host, and any pilot no longer active. The company's members are told.
 */
export async function fileTestReport(
  db: DB,
  input: { pilotId: number; userId: number; report: TestReportInput; ip?: string | null },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const pilot = await pilotForParty(tx, input.pilotId, input.userId)
      // A filed report completes the pilot; said here, before the report's conflict guard.
      if (pilot.status !== 'active') throw new DomainError('report_by_host_only')
      const at = now()
      const report = {
        what_tested: input.report.what_tested.trim(),
        with_whom: input.report.with_whom.trim(),
        results: input.report.results.trim(),
        recommendations: input.report.recommendations.trim(),
      }
      await tx
        .insertInto('pilot_reports')
        .values({
          pilot_id: pilot.id,
          ...report,
          author_id: input.userId,
          submitted_at: at,
          response: null,
          responded_by: null,
          responded_at: null,
        })
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: pilot.host_id,
        action: 'pilot.report_filed',
        entityType: 'pilot',
        entityId: pilot.id,
        before: { status: pilot.status },
        after: { status: 'completed', report },
        ip: input.ip ?? null,
      })
      await mailMembers(tx, pilot.company_id, input.userId, 'pilot_report', {
        offer: pilot.offer_title,
        host: pilot.host_name,
        link: pilotLink(pilot.id),
      })
    }),
  )
}

/**
 * The company answers the test report, once; the database refuses the host, a second answer, and
 * anyone outside the company. The host's members are told.
 */
export async function respondToTestReport(
  db: DB,
  input: { pilotId: number; userId: number; response: string; ip?: string | null },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const pilot = await pilotForParty(tx, input.pilotId, input.userId)
      const response = input.response.trim()
      const result = await tx
        .updateTable('pilot_reports')
        .set({ response, responded_by: input.userId, responded_at: now() })
        .where('pilot_id', '=', pilot.id)
        .executeTakeFirst()
      // No report yet: there is nothing to answer.
      if (Number(result.numUpdatedRows) === 0) throw new DomainError('invalid_transition')
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: pilot.company_id,
        action: 'pilot.report_answered',
        entityType: 'pilot',
        entityId: pilot.id,
        after: { response },
        ip: input.ip ?? null,
      })
      await mailMembers(tx, pilot.host_id, input.userId, 'pilot_response', {
        offer: pilot.offer_title,
        company: pilot.company_name,
        link: pilotLink(pilot.id),
      })
    }),
  )
}

/** An organisation's pilots, as host or as company, for its members only; newest first. */
export async function listOrganisationPilots(
  db: DB,
  options: { organisationId: number; userId: number },
) {
  const member = await db
    .selectFrom('memberships')
    .select('role')
    .where('organisation_id', '=', options.organisationId)
    .where('user_id', '=', options.userId)
    .executeTakeFirst()
  if (!member) throw new DomainError('not_found')
  const rows = await db
    .selectFrom('pilots as p')
    .innerJoin('test_bed_offers as o', 'o.id', 'p.offer_id')
    .innerJoin('organisations as h', 'h.id', 'p.host_id')
    .innerJoin('organisations as c', 'c.id', 'p.company_id')
    .select([
      'p.id',
      'p.status',
      'p.starts_on',
      'p.ends_on',
      'p.host_id',
      'o.title as offer_title',
      'h.name as host_name',
      'c.name as company_name',
    ])
    .where((eb) =>
      eb.or([
        eb('p.host_id', '=', options.organisationId),
        eb('p.company_id', '=', options.organisationId),
      ]),
    )
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.id', 'desc')
    .execute()
  return rows.map(({ host_id, host_name, company_name, ...row }) => {
    const side: PilotSide = host_id === options.organisationId ? 'host' : 'company'
    return {
      ...row,
      side,
      counterpart: side === 'host' ? company_name : host_name,
    }
  })
}

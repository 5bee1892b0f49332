import { sql } from 'kysely'
import { loader as listLoader } from '~/routes/test-beds.$offerId.applications._index/route'
import {
  action as assessAction,
  loader as assessLoader,
} from '~/routes/test-beds.$offerId.applications.$applicationId/route'
import { getDb } from '~/utils/db.server'
import { sessionCookieFor } from './factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from './requests'
import {
  createCompany,
  createHost,
  createOffer,
  createSubmittedApplication,
  type OfferOptions,
} from './test-bed-factories'

// Shared setup for the pilot-decision integration tests (pilot-decisions-*.test.ts): the host's
// list and assessment routes, complete assessments, and raw-SQL scores and decisions.

export const cookie = (userId: number) => sessionCookieFor(getDb(), userId)

export function list(offerId: number | string, cookieHeader?: string) {
  const path = `/test-beds/${offerId}/applications`
  return run(() =>
    listLoader(
      loaderArgs(getRequest(path, { cookie: cookieHeader }), { offerId: String(offerId) }),
    ),
  )
}

export function view(offerId: number, applicationId: number | string, cookieHeader?: string) {
  const path = `/test-beds/${offerId}/applications/${applicationId}`
  return run(() =>
    assessLoader(
      loaderArgs(getRequest(path, { cookie: cookieHeader }), {
        offerId: String(offerId),
        applicationId: String(applicationId),
      }),
    ),
  )
}

export function decide(
  offerId: number,
  applicationId: number,
  fields: Record<string, string>,
  cookieHeader: string,
) {
  const path = `/test-beds/${offerId}/applications/${applicationId}`
  return run(() =>
    assessAction(
      actionArgs(formRequest(path, fields, { cookie: cookieHeader }), {
        offerId: String(offerId),
        applicationId: String(applicationId),
      }),
    ),
  )
}

export async function criteriaOf(offerId: number) {
  return getDb()
    .selectFrom('test_bed_criteria')
    .select(['id', 'kind'])
    .where('offer_id', '=', offerId)
    .orderBy('position')
    .execute()
}

/** A complete assessment: every score 4, every must-have met, accept with a period. */
export async function assessment(
  offerId: number,
  overrides: Record<string, string | undefined> = {},
): Promise<Record<string, string>> {
  const fields: Record<string, string | undefined> = {
    decision: 'accept',
    reason: 'Produkten passar testbädden och gruppen av brukare.',
    starts_on: '2027-01-11',
    ends_on: '2027-04-30',
  }
  for (const c of await criteriaOf(offerId)) {
    if (c.kind === 'score') fields[`score_${c.id}`] = '4'
    else fields[`met_${c.id}`] = 'met'
    fields[`comment_${c.id}`] = 'Väl beskrivet.'
  }
  Object.assign(fields, overrides)
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined),
  )
}

export async function application(id: number) {
  return getDb()
    .selectFrom('pilot_applications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

export async function scoreCount(applicationId: number) {
  const rows = await getDb()
    .selectFrom('pilot_application_scores')
    .select('criterion_id')
    .where('application_id', '=', applicationId)
    .execute()
  return rows.length
}

export async function pilotOf(applicationId: number) {
  return getDb()
    .selectFrom('pilots')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst()
}

export async function setup(options: OfferOptions = {}) {
  const db = getDb()
  const host = await createHost(db)
  const company = await createCompany(db)
  const offer = await createOffer(db, host, options)
  const app = await createSubmittedApplication(db, offer.id, company)
  return { host, company, offer, app, hostCookie: await cookie(host.user.id) }
}

/** Scores every criterion of the application through raw SQL, as the host's member. */
export async function rawScores(applicationId: number, offerId: number, scorerId: number, met = 1) {
  for (const c of await criteriaOf(offerId)) {
    await sql`INSERT INTO pilot_application_scores
      (application_id, criterion_id, score, met, comment, scored_by, scored_at)
      VALUES (${applicationId}, ${c.id}, ${c.kind === 'score' ? 3 : null},
        ${c.kind === 'pass_fail' ? met : null}, '', ${scorerId}, unixepoch())`.execute(getDb())
  }
}

export function rawDecide(
  applicationId: number,
  status: 'accepted' | 'declined',
  deciderId: number,
) {
  return sql`UPDATE pilot_applications SET status = ${status}, decided_at = unixepoch(),
    decided_by = ${deciderId}, decision_reason = 'Rå SQL',
    pilot_starts_on = ${status === 'accepted' ? 1800000000 : null},
    pilot_ends_on = ${status === 'accepted' ? 1800864000 : null}
    WHERE id = ${applicationId}`.execute(getDb())
}

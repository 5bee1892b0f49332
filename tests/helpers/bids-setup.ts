import { action as bidAction, loader as bidLoader } from '~/routes/calls.$callId.bid/route'
import { loader as companyBidsLoader } from '~/routes/organisations.$slug.bids/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createBuyer, createCall, DAY } from './call-factories'
import { sessionCookieFor } from './factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from './requests'
import { createCompany } from './test-bed-factories'

// Shared setup for the bid integration tests (bids-*.test.ts): a call to bid on, a complete bid
// form, the bid routes, and an amendment published by raw SQL.

// A phrase that appears only in the bid's plaintext, to look for in the raw database.
export const SECRET = 'Ugglans-hemliga-sensorfusion-7731'

export type Company = Awaited<ReturnType<typeof createCompany>>
export type Criterion = Awaited<ReturnType<typeof createCall>>['criteria'][number]

export async function setup(options: Parameters<typeof createCall>[2] = {}) {
  const db = getDb()
  const buyer = await createBuyer(db)
  const { call, criteria } = await createCall(db, buyer, options)
  const company = await createCompany(db)
  return { buyer, call, criteria, company, cookie: await sessionCookieFor(db, company.user.id) }
}

/** Every field of a complete bid for `criteria` (the call factory's default terms). */
export function complete(
  criteria: Pick<Criterion, 'id' | 'kind'>[],
  overrides: Record<string, string> = {},
): Record<string, string> {
  const fields: Record<string, string> = {
    intent: 'submit',
    solution_summary: `Nattsensorer med ${SECRET} som larmar utan kamera.`,
    price_sek: '1 250 000',
    contact_role: 'Säljansvarig',
  }
  for (const c of criteria) {
    if (c.kind === 'requirement') {
      fields[`req_${c.id}_met`] = 'yes'
      fields[`req_${c.id}_explanation`] = 'DPIA klar, data lagras i Sverige.'
    } else {
      fields[`crit_${c.id}`] = `Vårt svar på kriterium ${c.id}.`
    }
  }
  return { ...fields, ...overrides }
}

export function bidPage(callId: number | string, cookie?: string, query = '') {
  return run(() =>
    bidLoader(
      loaderArgs(getRequest(`/calls/${callId}/bid${query}`, { cookie }), {
        callId: String(callId),
      }),
    ),
  )
}

export function bidPost(callId: number | string, fields: Record<string, string>, cookie?: string) {
  return run(() =>
    bidAction(
      actionArgs(formRequest(`/calls/${callId}/bid`, fields, { cookie }), {
        callId: String(callId),
      }),
    ),
  )
}

export function companyBids(slug: string, cookie?: string) {
  return run(() =>
    companyBidsLoader(loaderArgs(getRequest(`/organisations/${slug}/bids`, { cookie }), { slug })),
  )
}

export async function bidOf(callId: number, company: Company) {
  return getDb()
    .selectFrom('bids')
    .selectAll()
    .where('call_id', '=', callId)
    .where('company_id', '=', company.org.id)
    .executeTakeFirst()
}

/**
 * Publishes an amendment by raw SQL, following the migration's steps: open amendment with the
 * resulting deadlines, new rows added_in / old rows removed_in, then published in one go.
 */
export async function amend(
  buyer: { user: { id: number } },
  call: { id: number },
  change: { addRequirement?: string; retire?: number } = {},
) {
  const db = getDb()
  return db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('calls')
      .select(['tender_deadline', 'question_deadline'])
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow()
    const at = now()
    const tender = Math.max(current.tender_deadline, at + 6 * DAY) + 7 * DAY
    const amendment = await tx
      .insertInto('call_amendments')
      .values({
        call_id: call.id,
        number: 1,
        summary: 'Nytt skall-krav om drift dygnet runt; sista anbudsdag flyttas.',
        question_deadline: current.question_deadline,
        tender_deadline: tender,
        created_by: buyer.user.id,
        created_at: at,
        published_at: null,
        published_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (change.addRequirement) {
      await tx
        .insertInto('call_criteria')
        .values({
          call_id: call.id,
          kind: 'requirement',
          position: 9,
          title: change.addRequirement,
          weight: null,
          added_in: amendment.id,
        })
        .execute()
    }
    if (change.retire) {
      await tx
        .updateTable('call_criteria')
        .set({ removed_in: amendment.id })
        .where('id', '=', change.retire)
        .execute()
    }
    await tx
      .updateTable('call_amendments')
      .set({
        state: 'published',
        published_at: now(),
        published_by: buyer.user.id,
        changes_terms: change.addRequirement || change.retire ? 1 : 0,
      })
      .where('id', '=', amendment.id)
      .execute()
    return amendment.id
  })
}

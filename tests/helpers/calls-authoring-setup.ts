import { loader as downloadLoader } from '~/routes/calls.$callId.documents.$documentId/route'
import { action as editAction, loader as editLoader } from '~/routes/calls.$callId.edit/route'
import { action as newAction } from '~/routes/organisations.$slug.calls.new/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { createBuyer, DAY } from './call-factories'
import { sessionCookieFor } from './factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from './requests'
import { dataOf, statusOf } from './responses'

// Shared setup for the call-authoring integration tests (calls-authoring-*.test.ts): a complete
// draft form, the authoring routes, and document uploads and downloads.

export const db = getDb()

export type Buyer = Awaited<ReturnType<typeof createBuyer>>

export function draftFields(overrides: Record<string, string | string[]> = {}) {
  return {
    procedure: 'innovation_partnership',
    title: 'Trygg nattillsyn i hemtjänsten',
    summary: 'Ett innovationspartnerskap för tryggare nätter i hemmet.',
    need: 'Nattpersonalen ska veta att brukaren mår bra utan att väcka hen.',
    functional_requirements: 'on',
    estimated_value_sek: '2 000 000',
    max_winners: '1',
    county_code: '25',
    themes: ['welfare_technology'],
    cpv_codes: '72000000',
    question_deadline: toStockholmDateTimeInput(now() + 20 * DAY),
    tender_deadline: toStockholmDateTimeInput(now() + 40 * DAY),
    standstill_days: '10',
    'requirements[0].title': 'Uppfyller GDPR',
    'criteria[0].title': 'Nytta för brukaren',
    'criteria[0].weight': '60',
    'criteria[1].title': 'Pris',
    'criteria[1].weight': '40',
    ...overrides,
  }
}

export async function cookieFor(userId: number) {
  return sessionCookieFor(db, userId)
}

/**
 * Posts the new-call form. When similar published calls of other buyers are shown first (the
 * overlap step, decision record 030), it continues with a reason, as these tests are about the
 * call itself; tests/integration/call-overlap*.test.ts test the step.
 */
export async function postNew(
  buyer: Buyer,
  fields: Record<string, string | string[]>,
  cookie?: string,
) {
  const slug = buyer.org.slug
  const post = (body: Record<string, string | string[]>) =>
    run(() =>
      newAction(
        actionArgs(formRequest(`/organisations/${slug}/calls/new`, body, { cookie }), { slug }),
      ),
    )
  const first = await post(fields)
  const overlap = statusOf(first) === 200 ? dataOf(first)?.overlap : null
  if (!overlap) return first
  return post({
    ...fields,
    overlap_shown: (overlap as { id: number }[]).map((c) => c.id).join(','),
    overlap_choice: 'continue',
    overlap_reason: 'Testet gäller utlysningen, inte överlappet.',
  })
}

export function postEdit(
  callId: number,
  fields: Record<string, string | string[]>,
  cookie?: string,
) {
  return run(() =>
    editAction(
      actionArgs(formRequest(`/calls/${callId}/edit`, fields, { cookie }), {
        callId: String(callId),
      }),
    ),
  )
}

export function editPage(callId: number | string, cookie?: string) {
  return run(() =>
    editLoader(
      loaderArgs(getRequest(`/calls/${callId}/edit`, { cookie }), { callId: String(callId) }),
    ),
  )
}

export function idFrom(location: string | null): number {
  const match = /^\/calls\/(\d+)\/edit\?notice=created$/.exec(location ?? '')
  if (!match?.[1]) throw new Error(`Unexpected redirect: ${location}`)
  return Number(match[1])
}

export async function callCount(organisationId: number) {
  const row = await db
    .selectFrom('calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function statusOfCall(callId: number) {
  const row = await db
    .selectFrom('calls')
    .select(['status', 'published_at'])
    .where('id', '=', callId)
    .executeTakeFirstOrThrow()
  return row
}

export function uploadRequest(callId: number, title: string, file: File | null, cookie: string) {
  const body = new FormData()
  body.append('intent', 'upload')
  body.append('title', title)
  body.append('file', file ?? new File([], ''))
  return new Request(`http://localhost:3000/calls/${callId}/edit`, {
    method: 'POST',
    body,
    headers: { Origin: 'http://localhost:3000', Cookie: cookie },
  })
}

export function upload(callId: number, title: string, file: File | null, cookie: string) {
  return run(() =>
    editAction(actionArgs(uploadRequest(callId, title, file, cookie), { callId: String(callId) })),
  )
}

export function download(callId: number, documentId: number, cookie?: string) {
  return run(() =>
    downloadLoader(
      loaderArgs(getRequest(`/calls/${callId}/documents/${documentId}`, { cookie }), {
        callId: String(callId),
        documentId: String(documentId),
      }),
    ),
  )
}

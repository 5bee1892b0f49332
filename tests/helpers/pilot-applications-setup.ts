import {
  action as applicationAction,
  loader as applicationLoader,
} from '~/routes/applications.$applicationId/route'
import { loader as companyApplicationsLoader } from '~/routes/organisations.$slug.applications/route'
import {
  action as applyAction,
  loader as applyLoader,
} from '~/routes/test-beds.$offerId.apply/route'
import { getDb } from '~/utils/db.server'
import { sessionCookieFor } from './factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from './requests'
import { createCompany, createHost, createOffer } from './test-bed-factories'

// Shared setup for the pilot-application integration tests (pilot-applications-*.test.ts): a
// marketplace to apply in, a complete application form, and the routes' loaders and actions.

export type Party = Awaited<ReturnType<typeof createCompany>>

export async function cookieFor(userId: number) {
  return sessionCookieFor(getDb(), userId)
}

/** A marketplace: a verified host with a published rolling offer (TRL 4–8), and a company. */
export async function setup(options: Parameters<typeof createOffer>[2] = {}) {
  const db = getDb()
  const host = await createHost(db)
  const offer = await createOffer(db, host, options)
  const company = await createCompany(db)
  return { host, offer, company, cookie: await cookieFor(company.user.id) }
}

export function complete(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: 'submit',
    product_name: 'Nattugglan Trygghetssensor',
    product_description: 'En sensor som larmar personalen när en brukare går upp på natten.',
    trl: '6',
    test_goals: 'Minskar nattliga tillsynsbesök?\n- färre väckningar\n- tryggare brukare',
    proposed_start: '2027-03-01',
    proposed_end: '2027-06-30',
    test_user_count: '12',
    test_user_description: 'Brukare i hemtjänsten och nattpersonal.',
    data_needs: 'Rörelsedata utan bild; DPIA görs tillsammans med kommunen.',
    contribution: 'Sensorer, installation och utbildning av personal.',
    declares_requirements: 'on',
    declares_no_conflict: 'on',
    ...overrides,
  }
}

export function apply(offerId: number, fields: Record<string, string>, cookie?: string) {
  return run(() =>
    applyAction(
      actionArgs(formRequest(`/test-beds/${offerId}/apply`, fields, { cookie }), {
        offerId: String(offerId),
      }),
    ),
  )
}

export function applyPage(offerId: number | string, cookie?: string, query = '') {
  return run(() =>
    applyLoader(
      loaderArgs(getRequest(`/test-beds/${offerId}/apply${query}`, { cookie }), {
        offerId: String(offerId),
      }),
    ),
  )
}

export function applicationPage(id: number | string, cookie?: string) {
  return run(() =>
    applicationLoader(
      loaderArgs(getRequest(`/applications/${id}`, { cookie }), { applicationId: String(id) }),
    ),
  )
}

export function applicationPost(id: number, intent: string, cookie?: string) {
  return run(() =>
    applicationAction(
      actionArgs(formRequest(`/applications/${id}`, { intent }, { cookie }), {
        applicationId: String(id),
      }),
    ),
  )
}

export function companyList(slug: string, cookie?: string) {
  return run(() =>
    companyApplicationsLoader(
      loaderArgs(getRequest(`/organisations/${slug}/applications`, { cookie }), { slug }),
    ),
  )
}

export function idFrom(location: string | null): number {
  const match = /^\/applications\/(\d+)\?notice=submitted$/.exec(location ?? '')
  if (!match?.[1]) throw new Error(`Unexpected redirect: ${location}`)
  return Number(match[1])
}

export async function applicationsOf(company: Party, offerId: number) {
  return getDb()
    .selectFrom('pilot_applications')
    .selectAll()
    .where('company_id', '=', company.org.id)
    .where('offer_id', '=', offerId)
    .orderBy('id')
    .execute()
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

import { loader as dashboardLoader } from '~/routes/organisations.$slug.test-beds._index/route'
import { action as newAction } from '~/routes/organisations.$slug.test-beds.new/route'
import { action as editAction, loader as editLoader } from '~/routes/test-beds.$offerId.edit/route'
import { loader as historyLoader } from '~/routes/test-beds.$offerId.history/route'
import { getDb } from '~/utils/db.server'
import { sessionCookieFor } from './factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from './requests'
import { dataOf, statusOf } from './responses'
import { createHost } from './test-bed-factories'

// Shared setup for the test-bed offer integration tests (test-bed-offers-*.test.ts): complete
// offer forms, a host with a session, and the routes' loaders and actions.

export type Fields = Record<string, string | string[]>

/** A complete, valid new-offer form as the browser would send it (two blank criterion rows). */
export function offerFields(overrides: Fields = {}): Fields {
  return {
    title: 'Testbädd för välfärdsteknik',
    summary: 'Prova välfärdsteknik i hemtjänsten tillsammans med brukare och personal.',
    description: 'Vi erbjuder:\n- testmiljöer\n- personal',
    themes: ['welfare_technology', 'active_healthy_ageing'],
    county_code: '25',
    municipality_code: '2580',
    places: 'Luleå',
    environments: '',
    test_users: 'Äldre i hemtjänsten',
    test_user_count: '20',
    staff_time: '',
    data_access: '',
    premises: '',
    equipment: '',
    trl_min: '4',
    trl_max: '8',
    requires_ce_marking: 'on',
    other_requirements: '',
    capacity: '2',
    available_from: '2027-01-01',
    available_until: '',
    intake: 'rolling',
    deadline: '',
    access_model: 'free',
    market_value_sek: '40 000',
    price_sek: '',
    contact_role: 'Innovationssamordnare',
    contact_email: 'Testbadd@Example.test',
    'criteria[0].title': 'Nytta för brukare',
    'criteria[0].description': 'Hur väl tjänsten stöder brukarna.',
    'criteria[0].kind': 'score',
    'criteria[1].title': '',
    'criteria[1].description': '',
    'criteria[1].kind': 'score',
    'criteria[2].title': 'CE-märkt',
    'criteria[2].description': '',
    'criteria[2].kind': 'pass_fail',
    'criteria[3].title': '',
    'criteria[3].description': '',
    'criteria[3].kind': 'score',
    ...overrides,
  }
}

/** The content fields only, as the form of a published offer sends them. */
export function publishedFields(overrides: Fields = {}): Fields {
  const all = offerFields()
  const content: Fields = {}
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith('criteria[')) continue
    if (['intake', 'deadline', 'access_model', 'market_value_sek', 'price_sek'].includes(key))
      continue
    content[key] = value
  }
  return { ...content, intent: 'save', change_note: '', ...overrides }
}

export async function hostWithCookie() {
  const host = await createHost(getDb())
  return { ...host, cookie: await sessionCookieFor(getDb(), host.user.id) }
}

/**
 * Posts the new-offer form. When similar published offers of other hosts are shown first (the
 * overlap step, decision record 030), it continues with a reason, as these tests are about the
 * offer itself; tests/integration/offer-overlap*.test.ts test the step.
 */
export async function createViaApp(slug: string, fields: Fields, cookie: string) {
  const post = (body: Fields) =>
    run(() =>
      newAction(
        actionArgs(formRequest(`/organisations/${slug}/test-beds/new`, body, { cookie }), { slug }),
      ),
    )
  const first = await post(fields)
  const overlap = statusOf(first) === 200 ? dataOf(first)?.overlap : null
  if (!overlap) return first
  return post({
    ...fields,
    overlap_shown: (overlap as { id: number }[]).map((c) => c.id).join(','),
    overlap_choice: 'continue',
    overlap_reason: 'Testet gäller erbjudandet, inte överlappet.',
  })
}

export function edit(offerId: number | string, fields: Fields, cookie?: string) {
  return run(() =>
    editAction(
      actionArgs(formRequest(`/test-beds/${offerId}/edit`, fields, { cookie }), {
        offerId: String(offerId),
      }),
    ),
  )
}

export function editPage(offerId: number | string, cookie?: string, query = '') {
  return run(() =>
    editLoader(
      loaderArgs(getRequest(`/test-beds/${offerId}/edit${query}`, { cookie }), {
        offerId: String(offerId),
      }),
    ),
  )
}

export function history(offerId: number | string) {
  return run(() =>
    historyLoader(
      loaderArgs(getRequest(`/test-beds/${offerId}/history`), { offerId: String(offerId) }),
    ),
  )
}

export function dashboard(slug: string, cookie?: string) {
  return run(() =>
    dashboardLoader(
      loaderArgs(getRequest(`/organisations/${slug}/test-beds`, { cookie }), { slug }),
    ),
  )
}

export function offerIdFrom(location: string | null): number {
  const match = /^\/test-beds\/(\d+)\/edit\?notice=created$/.exec(location ?? '')
  if (!match?.[1]) throw new Error(`Unexpected redirect: ${location}`)
  return Number(match[1])
}

export async function offerRow(id: number) {
  return getDb().selectFrom('test_bed_offers').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function criteriaTitles(offerId: number) {
  const rows = await getDb()
    .selectFrom('test_bed_criteria')
    .select(['title', 'kind', 'position'])
    .where('offer_id', '=', offerId)
    .orderBy('position')
    .execute()
  return rows.map((r) => `${r.position}:${r.title}:${r.kind}`)
}

export function problemOf(outcome: unknown): string | null {
  return dataOf<{ problem: string | null }>(outcome).problem
}

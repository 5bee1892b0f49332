import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { loader as dashboardLoader } from '~/routes/organisations.$slug.test-beds._index/route'
import {
  action as newAction,
  loader as newLoader,
} from '~/routes/organisations.$slug.test-beds.new/route'
import { action as editAction, loader as editLoader } from '~/routes/test-beds.$offerId.edit/route'
import { loader as historyLoader } from '~/routes/test-beds.$offerId.history/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { createOrganisation, createUser, sessionCookieFor } from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import {
  createCompany,
  createDraftApplication,
  createHost,
  createMemberOf,
  createOffer,
  createSubmittedApplication,
} from '../helpers/test-bed-factories'
import { auditActions, rawError } from '../helpers/inspect'

type Fields = Record<string, string | string[]>

/** A complete, valid new-offer form as the browser would send it (two blank criterion rows). */
function offerFields(overrides: Fields = {}): Fields {
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
function publishedFields(overrides: Fields = {}): Fields {
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

async function hostWithCookie() {
  const host = await createHost(getDb())
  return { ...host, cookie: await sessionCookieFor(getDb(), host.user.id) }
}

function createViaApp(slug: string, fields: Fields, cookie: string) {
  return run(() =>
    newAction(
      actionArgs(formRequest(`/organisations/${slug}/test-beds/new`, fields, { cookie }), { slug }),
    ),
  )
}

function edit(offerId: number | string, fields: Fields, cookie?: string) {
  return run(() =>
    editAction(
      actionArgs(formRequest(`/test-beds/${offerId}/edit`, fields, { cookie }), {
        offerId: String(offerId),
      }),
    ),
  )
}

function editPage(offerId: number | string, cookie?: string, query = '') {
  return run(() =>
    editLoader(
      loaderArgs(getRequest(`/test-beds/${offerId}/edit${query}`, { cookie }), {
        offerId: String(offerId),
      }),
    ),
  )
}

function history(offerId: number | string) {
  return run(() =>
    historyLoader(
      loaderArgs(getRequest(`/test-beds/${offerId}/history`), { offerId: String(offerId) }),
    ),
  )
}

function dashboard(slug: string, cookie?: string) {
  return run(() =>
    dashboardLoader(
      loaderArgs(getRequest(`/organisations/${slug}/test-beds`, { cookie }), { slug }),
    ),
  )
}

function offerIdFrom(location: string | null): number {
  const match = /^\/test-beds\/(\d+)\/edit\?notice=created$/.exec(location ?? '')
  if (!match?.[1]) throw new Error(`Unexpected redirect: ${location}`)
  return Number(match[1])
}

async function offerRow(id: number) {
  return getDb().selectFrom('test_bed_offers').selectAll().where('id', '=', id).executeTakeFirst()
}

async function criteriaTitles(offerId: number) {
  const rows = await getDb()
    .selectFrom('test_bed_criteria')
    .select(['title', 'kind', 'position'])
    .where('offer_id', '=', offerId)
    .orderBy('position')
    .execute()
  return rows.map((r) => `${r.position}:${r.title}:${r.kind}`)
}

function problemOf(outcome: unknown): string | null {
  return dataOf<{ problem: string | null }>(outcome).problem
}

describe('creating a draft offer', () => {
  test('a member of a public body saves a draft with themes and criteria, audited', async () => {
    const host = await hostWithCookie()
    const result = await createViaApp(host.org.slug, offerFields(), host.cookie)
    expect(statusOf(result)).toBe(302)
    const id = offerIdFrom(headerOf(result, 'Location'))
    const offer = await offerRow(id)
    expect(offer).toMatchObject({
      organisation_id: host.org.id,
      status: 'draft',
      title: 'Testbädd för välfärdsteknik',
      county_code: '25',
      municipality_code: '2580',
      test_user_count: 20,
      trl_min: 4,
      trl_max: 8,
      requires_ce_marking: 1,
      requires_dpia: 0,
      intake: 'rolling',
      deadline: null,
      access_model: 'free',
      market_value_sek: 40000,
      price_sek: 0,
      contact_email: 'testbadd@example.test',
      available_until: null,
      created_by: host.user.id,
      published_at: null,
    })
    const themes = await getDb()
      .selectFrom('test_bed_offer_themes')
      .select('theme_code')
      .where('offer_id', '=', id)
      .orderBy('theme_code')
      .execute()
    expect(themes.map((t) => t.theme_code)).toEqual(['active_healthy_ageing', 'welfare_technology'])
    // Blank rows are left out; the rest keep their order.
    expect(await criteriaTitles(id)).toEqual(['1:Nytta för brukare:score', '2:CE-märkt:pass_fail'])
    expect(await auditActions(getDb(), 'test_bed_offer', id)).toEqual(['test_bed_offer.create'])

    const page = dataOf(await editPage(id, host.cookie, '?notice=created'))
    expect(page.notice).toBe('created')
    expect(page.offer.status).toBe('draft')
  })

  test('missing fields answer 400 with every error and keep the values; nothing is saved', async () => {
    const host = await hostWithCookie()
    const fields = offerFields({
      title: '',
      themes: [],
      trl_min: '8',
      trl_max: '3',
      'criteria[1].description': 'Beskrivning utan rubrik',
    })
    const before = await getDb().selectFrom('test_bed_offers').select('id').execute()
    const result = await createViaApp(host.org.slug, fields, host.cookie)
    expect(statusOf(result)).toBe(400)
    const reply = formResult(result)
    expect(reply.error).toMatchObject({
      title: ['errors.required'],
      themes: ['offers.error.themes'],
      trl_max: ['offers.error.trlOrder'],
      'criteria[1].title': ['offers.error.criterionTitle'],
    })
    expect(reply.initialValue).toMatchObject({
      summary: fields.summary,
      contact_role: 'Innovationssamordnare',
      market_value_sek: '40 000',
    })
    expect(await getDb().selectFrom('test_bed_offers').select('id').execute()).toEqual(before)
  })

  test('a municipality outside the chosen county is refused on the field', async () => {
    const host = await hostWithCookie()
    const result = await createViaApp(
      host.org.slug,
      offerFields({ county_code: '01', municipality_code: '2580' }),
      host.cookie,
    )
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({
      municipality_code: ['errors.municipalityNotInCounty'],
    })
  })

  test('the price follows the access model: free is 0, paid is the market value, cost-sharing in between', async () => {
    const host = await hostWithCookie()
    const cases: [Fields, number | string][] = [
      [{ access_model: 'free', price_sek: '5000' }, 0],
      [{ access_model: 'paid', market_value_sek: '90000', price_sek: '1' }, 90000],
      [{ access_model: 'cost_sharing', market_value_sek: '90 000', price_sek: '30 000' }, 30000],
      [{ access_model: 'cost_sharing', price_sek: '40000' }, 'offers.error.priceRange'],
      [{ access_model: 'cost_sharing', price_sek: '' }, 'offers.error.priceRange'],
      [{ access_model: 'cost_sharing', price_sek: '0' }, 'offers.error.priceRange'],
      [{ market_value_sek: '0' }, 'offers.error.marketValue'],
      [{ market_value_sek: 'mycket' }, 'offers.error.wholeNumber'],
    ]
    for (const [overrides, expected] of cases) {
      const result = await createViaApp(host.org.slug, offerFields(overrides), host.cookie)
      if (typeof expected === 'number') {
        expect(statusOf(result), JSON.stringify(overrides)).toBe(302)
        const offer = await offerRow(offerIdFrom(headerOf(result, 'Location')))
        expect(offer?.price_sek, JSON.stringify(overrides)).toBe(expected)
      } else {
        expect(statusOf(result), JSON.stringify(overrides)).toBe(400)
        const error = formResult(result).error ?? {}
        expect(Object.values(error).flat(), JSON.stringify(overrides)).toContain(expected)
      }
    }
  })

  test('a round needs a deadline in the future, read as Stockholm time', async () => {
    const host = await hostWithCookie()
    const missing = await createViaApp(host.org.slug, offerFields({ intake: 'round' }), host.cookie)
    expect(formResult(missing).error).toEqual({ deadline: ['offers.error.deadlineRequired'] })
    const past = await createViaApp(
      host.org.slug,
      offerFields({ intake: 'round', deadline: '2020-03-01T12:00' }),
      host.cookie,
    )
    expect(formResult(past).error).toEqual({ deadline: ['offers.error.deadlinePast'] })
    const ok = await createViaApp(
      host.org.slug,
      offerFields({ intake: 'round', deadline: '2099-06-30T23:59' }),
      host.cookie,
    )
    const offer = await offerRow(offerIdFrom(headerOf(ok, 'Location')))
    // 23:59 summer time in Stockholm is 21:59 UTC.
    expect(offer?.deadline).toBe(Date.UTC(2099, 5, 30, 21, 59) / 1000)
  })

  test('companies cannot host offers: the pages do not exist, and the database refuses', async () => {
    const company = await createCompany(getDb())
    const cookie = await sessionCookieFor(getDb(), company.user.id)
    const slug = company.org.slug
    const page = await run(() =>
      newLoader(
        loaderArgs(getRequest(`/organisations/${slug}/test-beds/new`, { cookie }), { slug }),
      ),
    )
    expect(statusOf(page)).toBe(404)
    expect(statusOf(await createViaApp(slug, offerFields(), cookie))).toBe(404)
    expect(statusOf(await dashboard(slug, cookie))).toBe(404)
    const count = await getDb()
      .selectFrom('test_bed_offers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', company.org.id)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)

    const message = await rawError(() => createOffer(getDb(), company, { status: 'draft' }))
    expect(message).toContain('testarena:host_not_public_body')
  })

  test('people outside the public body get 404 on its offer pages', async () => {
    const host = await hostWithCookie()
    const outsider = await createUser(getDb())
    const cookie = await sessionCookieFor(getDb(), outsider.id)
    const slug = host.org.slug
    expect(statusOf(await dashboard(slug, cookie))).toBe(404)
    expect(statusOf(await createViaApp(slug, offerFields(), cookie))).toBe(404)
    const anonymous = await dashboard(slug)
    expect(statusOf(anonymous)).toBe(302)
    expect(headerOf(anonymous, 'Location')).toMatch(/^\/login\?redirectTo=/)
  })
})

describe('the host dashboard', () => {
  test('lists every offer, drafts included, with applications received and running pilots', async () => {
    const host = await hostWithCookie()
    const draft = await createOffer(getDb(), host, { status: 'draft', title: 'Ett utkast' })
    const open = await createOffer(getDb(), host, { title: 'Ett öppet erbjudande' })
    const a = await createCompany(getDb())
    const b = await createCompany(getDb())
    await createSubmittedApplication(getDb(), open.id, a)
    await createDraftApplication(getDb(), open.id, b)
    const page = dataOf(await dashboard(host.org.slug, host.cookie))
    const byId = new Map(page.offers.map((o: { id: number }) => [o.id, o]))
    expect(byId.get(draft.id)).toMatchObject({ status: 'draft', applications: 0 })
    expect(byId.get(open.id)).toMatchObject({
      status: 'published',
      applications: 1,
      running_pilots: 0,
    })
    expect(page.org.verified).toBe(true)
  })
})

describe('publishing', () => {
  test('a verified host publishes a draft with criteria: published_at, version 1, audit', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host, { status: 'draft' })
    const result = await edit(offer.id, { intent: 'publish' }, host.cookie)
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe(`/test-beds/${offer.id}/edit?notice=published`)
    const row = await offerRow(offer.id)
    expect(row?.status).toBe('published')
    expect(row?.published_at).toBeGreaterThan(0)
    const versions = await getDb()
      .selectFrom('test_bed_offer_versions')
      .selectAll()
      .where('offer_id', '=', offer.id)
      .execute()
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({ version: 1, changed_by: host.user.id, change_note: null })
    expect(await auditActions(getDb(), 'test_bed_offer', offer.id)).toEqual([
      'test_bed_offer.publish',
    ])
  })

  test('an unverified public body keeps its draft: the app and the database refuse', async () => {
    const user = await createUser(getDb())
    const org = await createOrganisation(getDb(), { kind: 'public_body', adminUserId: user.id })
    const cookie = await sessionCookieFor(getDb(), user.id)
    const offer = await createOffer(getDb(), { org, user }, { status: 'draft' })
    const page = dataOf(await dashboard(org.slug, cookie))
    expect(page.org.verified).toBe(false)

    const result = await edit(offer.id, { intent: 'publish' }, cookie)
    expect(statusOf(result)).toBe(400)
    expect(problemOf(result)).toBe('errors.domain.host_not_verified')
    expect((await offerRow(offer.id))?.status).toBe('draft')

    const message = await rawError(() =>
      sql`UPDATE test_bed_offers SET status = 'published', published_at = unixepoch()
          WHERE id = ${offer.id}`.execute(getDb()),
    )
    expect(message).toContain('testarena:host_not_verified')
  })

  test('a draft without criteria cannot be published', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host, { status: 'draft', criteria: [] })
    const result = await edit(offer.id, { intent: 'publish' }, host.cookie)
    expect(statusOf(result)).toBe(400)
    expect(problemOf(result)).toBe('errors.domain.criteria_required')
    expect((await offerRow(offer.id))?.status).toBe('draft')
    const message = await rawError(() =>
      sql`UPDATE test_bed_offers SET status = 'published', published_at = unixepoch()
          WHERE id = ${offer.id}`.execute(getDb()),
    )
    expect(message).toContain('testarena:criteria_required')
  })

  test('after a round deadline: no publishing, and the deadline no longer moves', async () => {
    const host = await hostWithCookie()
    const draft = await createOffer(getDb(), host, {
      status: 'draft',
      intake: 'round',
      deadlineIn: 2,
    })
    const open = await createOffer(getDb(), host, { intake: 'round', deadlineIn: 2 })
    const openBefore = await offerRow(open.id)
    await new Promise((resolve) => setTimeout(resolve, 2200))

    const publish = await edit(draft.id, { intent: 'publish' }, host.cookie)
    expect(statusOf(publish)).toBe(400)
    expect(problemOf(publish)).toBe('errors.domain.deadline_passed')
    expect((await offerRow(draft.id))?.status).toBe('draft')
    expect(
      await rawError(() =>
        sql`UPDATE test_bed_offers SET status = 'published', published_at = unixepoch()
            WHERE id = ${draft.id}`.execute(getDb()),
      ),
    ).toContain('testarena:deadline_passed')

    // The page shows the passed deadline read-only; a request that moves it anyway is refused.
    const page = dataOf(await editPage(open.id, host.cookie))
    expect(page.deadlineOpen).toBe(false)
    const later = toStockholmDateTimeInput(now() + 7 * 86400)
    const moved = await edit(open.id, publishedFields({ deadline: later }), host.cookie)
    expect(statusOf(moved)).toBe(400)
    expect(formResult(moved).error).toEqual({ deadline: ['errors.domain.deadline_frozen'] })
    expect((await offerRow(open.id))?.deadline).toBe(openBefore?.deadline)
    expect(
      await rawError(() =>
        sql`UPDATE test_bed_offers SET deadline = deadline + 86400, updated_by = ${host.user.id}
            WHERE id = ${open.id}`.execute(getDb()),
      ),
    ).toContain('testarena:deadline_frozen')

    // A paused round past its deadline cannot reopen either.
    expect(statusOf(await edit(open.id, { intent: 'pause' }, host.cookie))).toBe(302)
    const resume = await edit(open.id, { intent: 'resume' }, host.cookie)
    expect(problemOf(resume)).toBe('errors.domain.deadline_passed')
  })
})

describe('a published offer', () => {
  test('keeps its criteria: the app and the database refuse changes', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host)
    const before = await criteriaTitles(offer.id)
    const result = await edit(
      offer.id,
      publishedFields({
        'criteria[0].title': 'Ett nytt kriterium',
        'criteria[0].kind': 'score',
      }),
      host.cookie,
    )
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ '': ['errors.domain.criteria_frozen'] })
    expect(await criteriaTitles(offer.id)).toEqual(before)
    expect((await offerRow(offer.id))?.title).toBe('Testmiljö i hemtjänsten')

    const criterion = await getDb()
      .selectFrom('test_bed_criteria')
      .select('id')
      .where('offer_id', '=', offer.id)
      .executeTakeFirstOrThrow()
    for (const statement of [
      sql`INSERT INTO test_bed_criteria (offer_id, position, title, kind)
          VALUES (${offer.id}, 9, 'Sent tillägg', 'score')`,
      sql`UPDATE test_bed_criteria SET title = 'Ändrat' WHERE id = ${criterion.id}`,
      sql`DELETE FROM test_bed_criteria WHERE id = ${criterion.id}`,
    ]) {
      expect(await rawError(() => statement.execute(getDb()))).toContain(
        'testarena:criteria_frozen',
      )
    }
    expect(await criteriaTitles(offer.id)).toEqual(before)
  })

  test('keeps its intake, access model, value and price: the app and the database refuse', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host, {
      accessModel: 'cost_sharing',
      marketValue: 50000,
      price: 10000,
    })
    const page = dataOf(await editPage(offer.id, host.cookie))
    expect(page.offer.status).toBe('published')
    const attempts: Fields[] = [
      { access_model: 'free' },
      { price_sek: '20000' },
      { market_value_sek: '90000' },
      { intake: 'round' },
    ]
    for (const attempt of attempts) {
      const result = await edit(offer.id, publishedFields(attempt), host.cookie)
      expect(statusOf(result), JSON.stringify(attempt)).toBe(400)
      expect(formResult(result).error).toEqual({ '': ['errors.domain.terms_frozen'] })
    }
    expect(await offerRow(offer.id)).toMatchObject({
      intake: 'rolling',
      access_model: 'cost_sharing',
      market_value_sek: 50000,
      price_sek: 10000,
      title: 'Testmiljö i hemtjänsten',
    })
    expect(
      await rawError(() =>
        sql`UPDATE test_bed_offers SET price_sek = 5000, updated_by = ${host.user.id}
            WHERE id = ${offer.id}`.execute(getDb()),
      ),
    ).toContain('testarena:terms_frozen')
  })

  test('moves its deadline only later: the app and the database refuse an earlier one', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host, { intake: 'round', deadlineIn: 10 * 86400 })
    const before = (await offerRow(offer.id))?.deadline ?? 0

    const earlier = toStockholmDateTimeInput(before - 3 * 86400)
    const refused = await edit(offer.id, publishedFields({ deadline: earlier }), host.cookie)
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error).toEqual({ deadline: ['offers.error.deadlineEarlier'] })
    expect((await offerRow(offer.id))?.deadline).toBe(before)
    expect(
      await rawError(() =>
        sql`UPDATE test_bed_offers SET deadline = deadline - 60, updated_by = ${host.user.id}
            WHERE id = ${offer.id}`.execute(getDb()),
      ),
    ).toContain('testarena:deadline_frozen')

    // The same minute as shown in the form is no change; a later one is saved.
    const same = await edit(
      offer.id,
      publishedFields({ deadline: toStockholmDateTimeInput(before) }),
      host.cookie,
    )
    expect(statusOf(same)).toBe(302)
    expect((await offerRow(offer.id))?.deadline).toBe(before)
    const laterText = toStockholmDateTimeInput(before + 5 * 86400)
    const saved = await edit(offer.id, publishedFields({ deadline: laterText }), host.cookie)
    expect(statusOf(saved)).toBe(302)
    expect(toStockholmDateTimeInput((await offerRow(offer.id))?.deadline ?? 0)).toBe(laterText)
  })

  test('records every content change in its public history with the note, newest first', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host, { themes: ['ehealth'] })
    const first = await edit(
      offer.id,
      publishedFields({
        title: 'Testmiljö i hemtjänsten 2.0',
        description: 'En helt ny beskrivning.',
        capacity: '3',
        themes: ['ehealth', 'energy'],
        change_note: 'Fler platser och ett nytt tema.',
      }),
      host.cookie,
    )
    expect(statusOf(first)).toBe(302)
    expect(headerOf(first, 'Location')).toBe(`/test-beds/${offer.id}/edit?notice=saved`)
    // A second edit without a note must not repeat the first note.
    const second = await edit(
      offer.id,
      publishedFields({
        title: 'Testmiljö i hemtjänsten 2.0',
        description: 'En helt ny beskrivning.',
        capacity: '3',
        themes: ['ehealth', 'energy'],
        contact_role: 'Testbäddsansvarig',
      }),
      host.cookie,
    )
    expect(statusOf(second)).toBe(302)
    // Saving again without changes adds no version.
    const third = await edit(
      offer.id,
      publishedFields({
        title: 'Testmiljö i hemtjänsten 2.0',
        description: 'En helt ny beskrivning.',
        capacity: '3',
        themes: ['ehealth', 'energy'],
        contact_role: 'Testbäddsansvarig',
      }),
      host.cookie,
    )
    expect(statusOf(third)).toBe(302)

    const page = dataOf(await history(offer.id))
    expect(page.offer.title).toBe('Testmiljö i hemtjänsten 2.0')
    expect(page.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1])
    const [v3, v2, v1] = page.versions
    expect(v1.changes).toBeNull()
    expect(v2.changeNote).toBe('Fler platser och ett nytt tema.')
    expect(v2.changedBy).toBe(host.user.name)
    expect(v2.changes).toEqual(
      expect.arrayContaining([
        {
          field: 'title',
          long: false,
          before: { kind: 'text', text: 'Testmiljö i hemtjänsten' },
          after: { kind: 'text', text: 'Testmiljö i hemtjänsten 2.0' },
        },
        { field: 'description', long: true },
        {
          field: 'capacity',
          long: false,
          before: { kind: 'number', value: 2 },
          after: { kind: 'number', value: 3 },
        },
        {
          field: 'themes',
          long: false,
          before: { kind: 'text', text: 'E-hälsa och digital vård' },
          after: { kind: 'text', text: 'E-hälsa och digital vård, Energi' },
        },
      ]),
    )
    expect(v3.changeNote).toBeNull()
    expect(v3.changes.map((c: { field: string }) => c.field)).toEqual(['contact_role'])
    expect(await auditActions(getDb(), 'test_bed_offer', offer.id)).toEqual([
      'test_bed_offer.update',
      'test_bed_offer.update',
      'test_bed_offer.update',
    ])
  })

  test('a never-published offer has no public history; bad ids are not found', async () => {
    const host = await hostWithCookie()
    const draft = await createOffer(getDb(), host, { status: 'draft' })
    expect(statusOf(await history(draft.id))).toBe(404)
    expect(statusOf(await history('abc'))).toBe(404)
    expect(statusOf(await history(999999))).toBe(404)
    expect(statusOf(await editPage('1x', host.cookie))).toBe(404)
  })
})

describe('the lifecycle', () => {
  test('published → paused → published → closed → archived, each audited with a notice', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host)
    const steps: [string, string][] = [
      ['pause', 'paused'],
      ['resume', 'published'],
      ['close', 'closed'],
      ['archive', 'archived'],
    ]
    for (const [intent, status] of steps) {
      const result = await edit(offer.id, { intent }, host.cookie)
      expect(statusOf(result), intent).toBe(302)
      expect(headerOf(result, 'Location')).toMatch(
        new RegExp(`^/test-beds/${offer.id}/edit\\?notice=`),
      )
      expect((await offerRow(offer.id))?.status).toBe(status)
    }
    expect((await offerRow(offer.id))?.closed_at).toBeGreaterThan(0)
    expect(await auditActions(getDb(), 'test_bed_offer', offer.id)).toEqual([
      'test_bed_offer.pause',
      'test_bed_offer.resume',
      'test_bed_offer.close',
      'test_bed_offer.archive',
    ])
    // Status changes are not content: the history still has only the published version.
    expect(dataOf(await history(offer.id)).versions).toHaveLength(1)
    // An archived offer's content no longer changes.
    const save = await edit(offer.id, publishedFields({ title: 'Sent ändrad' }), host.cookie)
    expect(formResult(save).error).toEqual({ '': ['errors.domain.offer_closed'] })
  })

  test('steps that do not fit the status are refused by the app and the database', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host)
    for (const intent of ['archive', 'resume', 'publish']) {
      const result = await edit(offer.id, { intent }, host.cookie)
      expect(statusOf(result), intent).toBe(400)
      expect(problemOf(result)).toBe('errors.domain.invalid_transition')
    }
    expect((await offerRow(offer.id))?.status).toBe('published')
    for (const status of ['draft', 'archived']) {
      expect(
        await rawError(() =>
          sql`UPDATE test_bed_offers SET status = ${status}, updated_by = ${host.user.id}
              WHERE id = ${offer.id}`.execute(getDb()),
        ),
      ).toContain('testarena:invalid_transition')
    }
    expect(statusOf(await edit(offer.id, { intent: 'fly' }, host.cookie))).toBe(400)
  })

  test('a draft is deleted after a confirmation step; a published offer is not', async () => {
    const host = await hostWithCookie()
    const draft = await createOffer(getDb(), host, { status: 'draft' })
    const confirm = dataOf(await editPage(draft.id, host.cookie, '?confirm=delete'))
    expect(confirm.confirmDelete).toBe(true)
    const result = await edit(draft.id, { intent: 'delete' }, host.cookie)
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe(
      `/organisations/${host.org.slug}/test-beds?notice=deleted`,
    )
    expect(await offerRow(draft.id)).toBeUndefined()
    expect(await criteriaTitles(draft.id)).toEqual([])
    expect(await auditActions(getDb(), 'test_bed_offer', draft.id)).toEqual([
      'test_bed_offer.delete',
    ])

    const published = await createOffer(getDb(), host)
    const refused = await edit(published.id, { intent: 'delete' }, host.cookie)
    expect(statusOf(refused)).toBe(400)
    expect(problemOf(refused)).toBe('errors.domain.offer_not_draft')
    expect(await offerRow(published.id)).toBeDefined()
    expect(
      await rawError(() =>
        sql`DELETE FROM test_bed_offers WHERE id = ${published.id}`.execute(getDb()),
      ),
    ).toContain('testarena:offer_not_draft')
  })

  test('people outside the host get 404 and change nothing; colleagues may edit', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host, { status: 'draft' })
    const other = await createHost(getDb())
    const otherCookie = await sessionCookieFor(getDb(), other.user.id)
    expect(statusOf(await editPage(offer.id, otherCookie))).toBe(404)
    expect(statusOf(await edit(offer.id, { intent: 'publish' }, otherCookie))).toBe(404)
    expect(statusOf(await edit(offer.id, { intent: 'delete' }, otherCookie))).toBe(404)
    expect(
      statusOf(
        await edit(offer.id, { ...offerFields({ title: 'Kapad' }), intent: 'save' }, otherCookie),
      ),
    ).toBe(404)
    expect(await offerRow(offer.id)).toMatchObject({
      status: 'draft',
      title: 'Testmiljö i hemtjänsten',
    })
    const anonymous = await editPage(offer.id)
    expect(statusOf(anonymous)).toBe(302)

    const colleague = await createMemberOf(getDb(), host.org.id)
    const colleagueCookie = await sessionCookieFor(getDb(), colleague.id)
    const saved = await edit(
      offer.id,
      { ...offerFields({ title: 'Bättre rubrik' }), intent: 'save' },
      colleagueCookie,
    )
    expect(statusOf(saved)).toBe(302)
    expect(await offerRow(offer.id)).toMatchObject({
      title: 'Bättre rubrik',
      updated_by: colleague.id,
    })
    // A draft's criteria are replaced by the form's.
    expect(await criteriaTitles(offer.id)).toEqual([
      '1:Nytta för brukare:score',
      '2:CE-märkt:pass_fail',
    ])
  })
})

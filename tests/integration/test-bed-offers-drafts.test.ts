import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { loader as newLoader } from '~/routes/organisations.$slug.test-beds.new/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { createOrganisation, createUser, sessionCookieFor } from '../helpers/factories'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import {
  createCompany,
  createDraftApplication,
  createOffer,
  createSubmittedApplication,
} from '../helpers/test-bed-factories'
import { auditActions, rawError } from '../helpers/inspect'
import {
  createViaApp,
  criteriaTitles,
  dashboard,
  edit,
  editPage,
  Fields,
  hostWithCookie,
  offerFields,
  offerIdFrom,
  offerRow,
  problemOf,
  publishedFields,
} from '../helpers/test-bed-offers-setup'

// Test-bed offers: creating a draft, the host dashboard and publishing.

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

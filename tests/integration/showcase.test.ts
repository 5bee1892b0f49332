import { afterEach, describe, expect, test } from 'vitest'
import type { ReferenceCardData } from '~/components/reference-card'
import { loader as homeLoader } from '~/routes/_index/route'
import { loader as profileLoader } from '~/routes/organisations.$slug._index/route'
import { loader as portfolioLoader } from '~/routes/organisations.$slug.portfolio/route'
import { loader as galleryLoader } from '~/routes/references._index/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { advanceClock, DAY, resetClock } from '../helpers/call-factories'
import { createUser } from '../helpers/factories'
import { createPlatformAdmin, createReference } from '../helpers/reference-factories'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, statusOf } from '../helpers/responses'

afterEach(() => resetClock())

type Created = Awaited<ReturnType<typeof createReference>>
/** The test-bed offer behind a pilot-sourced case. */
function offerOf(created: Created): { id: number } {
  if (!('offer' in created)) throw new Error('not a pilot-sourced case')
  return created.offer
}
/** The call, buyer and losing bidder behind a call-sourced case. */
function callOf(created: Created) {
  if (!('loser' in created)) throw new Error('not a call-sourced case')
  return { call: created.call, buyer: created.buyer, loser: created.loser }
}

async function firstPublishedAt(referenceId: number): Promise<number> {
  const row = await getDb()
    .selectFrom('reference_cases')
    .select('first_published_at')
    .where('id', '=', referenceId)
    .executeTakeFirstOrThrow()
  return row.first_published_at!
}

async function gallery(query = '') {
  const outcome = await run(() => galleryLoader(loaderArgs(getRequest(`/references${query}`))))
  expect(statusOf(outcome)).toBe(200)
  return dataOf<Awaited<ReturnType<typeof galleryLoader>>>(outcome)
}

async function galleryIds(query = '') {
  const { result } = await gallery(query)
  return result.items.map((r: ReferenceCardData) => r.id)
}

function stockholmYear(seconds: number): number {
  return Number(
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(
      seconds * 1000,
    ),
  )
}

/**
 * A published competition in which `referenceId` won its only category, written through every
 * rule (nominations, a cleared juror's score, the result, publishing).
 */
async function competitionWon(referenceId: number, year: number) {
  const db = getDb()
  const admin = await createPlatformAdmin(db)
  const juror = await createUser(db)
  const competition = await db
    .insertInto('competitions')
    .values({
      year,
      intro_sv: 'Årets goda exempel.',
      intro_en: 'Good examples of the year.',
      nominations_close_at: now() + DAY,
      created_by: admin.id,
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const category = await db
    .insertInto('competition_categories')
    .values({
      competition_id: competition.id,
      position: 1,
      name_sv: 'Årets testbäddssamarbete',
      name_en: 'Test-bed collaboration of the year',
      description_sv: 'Samarbeten i testbäddar.',
      description_en: 'Collaborations in test beds.',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const nomination = await db
    .insertInto('competition_nominations')
    .values({
      category_id: category.id,
      reference_id: referenceId,
      nominated_by: admin.id,
      motivation: 'Ett tydligt och mätbart resultat.',
      nominated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('competition_jurors')
    .values({
      competition_id: competition.id,
      user_id: juror.id,
      appointed_by: admin.id,
      appointed_at: now(),
    })
    .execute()
  advanceClock(2 * DAY)
  await db
    .updateTable('competitions')
    .set({ status: 'judging', judging_started_at: now() })
    .where('id', '=', competition.id)
    .execute()
  await db
    .insertInto('competition_declarations')
    .values({
      nomination_id: nomination.id,
      juror_id: juror.id,
      has_conflict: 0,
      declared_at: now(),
    })
    .execute()
  await db
    .insertInto('competition_scores')
    .values({
      nomination_id: nomination.id,
      juror_id: juror.id,
      score: 9,
      comment: 'Starkt.',
      scored_at: now(),
    })
    .execute()
  await db
    .insertInto('competition_results')
    .values({
      nomination_id: nomination.id,
      category_id: category.id,
      placement: 'winner',
      motivation_sv: 'Juryn fastnade för resultaten.',
      motivation_en: 'The jury was struck by the results.',
      decided_by: admin.id,
      decided_at: now(),
    })
    .execute()
  await db
    .updateTable('competitions')
    .set({ status: 'published', published_at: now(), published_by: admin.id })
    .where('id', '=', competition.id)
    .execute()
}

describe('the gallery', () => {
  test('shows published cases only: drafts and withdrawn cases are absent', async () => {
    const db = getDb()
    const published = await createReference(db, { status: 'published' })
    const draft = await createReference(db, { status: 'draft' })
    const withdrawn = await createReference(db, { status: 'withdrawn' })
    const ids = await galleryIds()
    expect(ids).toContain(published.reference.id)
    expect(ids).not.toContain(draft.reference.id)
    expect(ids).not.toContain(withdrawn.reference.id)

    // Not by a filter either.
    const byCompany = await galleryIds(`?company=${draft.company.org.slug}`)
    expect(byCompany).toEqual([])
  })

  test('a card carries names, size class, period, first result and the source’s themes', async () => {
    const db = getDb()
    const { reference, host, company } = await createReference(db, { status: 'published' })
    const { result } = await gallery(`?company=${company.org.slug}`)
    expect(result.total).toBe(1)
    const card = result.items[0]!
    expect(card).toMatchObject({
      id: reference.id,
      titleSv: 'Nyckelfri hemtjänst i Bergnäset',
      titleEn: 'Keyless home care in Bergnäset',
      publicBodyName: host.org.name,
      publicBodySlug: host.org.slug,
      companyName: company.org.name,
      companySlug: company.org.slug,
      companySizeClass: 'small',
      startedOn: reference.started_on,
      endedOn: reference.ended_on,
      firstResult: { value: 2, unit: 'min', baseline: 16 },
    })
    expect(card.themes.map((th: { code: string }) => th.code)).toEqual(['active_healthy_ageing'])
  })

  test('the theme filter follows the source: the pilot’s offer or the call', async () => {
    const db = getDb()
    const pilotCase = await createReference(db, { status: 'published' })
    const otherPilotCase = await createReference(db, { status: 'published' })
    const callCase = await createReference(db, { status: 'published', source: 'call' })
    // Only the first pilot's offer is also about e-health.
    await db
      .insertInto('test_bed_offer_themes')
      .values({ offer_id: offerOf(pilotCase).id, theme_code: 'ehealth' })
      .execute()

    const ehealth = await galleryIds('?theme=ehealth')
    expect(ehealth).toContain(pilotCase.reference.id)
    expect(ehealth).not.toContain(otherPilotCase.reference.id)
    expect(ehealth).not.toContain(callCase.reference.id)

    // The call-sourced case has no pilot: it is found through call_themes alone.
    const ageing = await galleryIds('?theme=active_healthy_ageing')
    expect(ageing).toEqual(
      expect.arrayContaining([
        pilotCase.reference.id,
        otherPilotCase.reference.id,
        callCase.reference.id,
      ]),
    )
    expect(await galleryIds('?theme=smart_cities_no_such')).toEqual([])
  })

  test('the county filter reads the source’s county (the offer’s, the call’s)', async () => {
    const db = getDb()
    const stockholm = await createReference(db, { status: 'published' })
    const norrbotten = await createReference(db, { status: 'published' })
    const callCase = await createReference(db, { status: 'published', source: 'call' })
    // The first pilot's test bed was in Stockholm (01), although its host is in Norrbotten (25).
    await db
      .updateTable('test_bed_offers')
      .set({ county_code: '01', municipality_code: null, updated_by: stockholm.host.user.id })
      .where('id', '=', offerOf(stockholm).id)
      .execute()

    const inStockholm = await galleryIds('?county=01')
    expect(inStockholm).toContain(stockholm.reference.id)
    expect(inStockholm).not.toContain(norrbotten.reference.id)
    expect(inStockholm).not.toContain(callCase.reference.id)

    const inNorrbotten = await galleryIds('?county=25')
    expect(inNorrbotten).toEqual(
      expect.arrayContaining([norrbotten.reference.id, callCase.reference.id]),
    )
    expect(inNorrbotten).not.toContain(stockholm.reference.id)
  })

  test('filters by public body, company and company size', async () => {
    const db = getDb()
    const a = await createReference(db, { status: 'published' })
    const b = await createReference(db, { status: 'published' })
    await db
      .updateTable('organisations')
      .set({ size_class: 'micro' })
      .where('id', '=', a.company.org.id)
      .execute()

    expect(await galleryIds(`?publicBody=${a.host.org.slug}`)).toEqual([a.reference.id])
    expect(await galleryIds(`?company=${b.company.org.slug}`)).toEqual([b.reference.id])
    // A public body's slug as the company (and the reverse) matches nothing.
    expect(await galleryIds(`?company=${a.host.org.slug}`)).toEqual([])
    expect(await galleryIds(`?publicBody=${a.company.org.slug}`)).toEqual([])

    const micro = await galleryIds('?size=micro')
    expect(micro).toContain(a.reference.id)
    expect(micro).not.toContain(b.reference.id)
    const small = await galleryIds('?size=small')
    expect(small).toContain(b.reference.id)
    expect(small).not.toContain(a.reference.id)
  })

  test('filters by the Stockholm year of first publication, and offers the years present', async () => {
    const db = getDb()
    const thisYear = await createReference(db, { status: 'published' })
    advanceClock(400 * DAY)
    const later = await createReference(db, { status: 'published' })
    const yearA = stockholmYear(await firstPublishedAt(thisYear.reference.id))
    const yearB = stockholmYear(await firstPublishedAt(later.reference.id))
    expect(yearB).toBeGreaterThan(yearA)

    const inA = await galleryIds(`?year=${yearA}`)
    expect(inA).toContain(thisYear.reference.id)
    expect(inA).not.toContain(later.reference.id)
    const inB = await galleryIds(`?year=${yearB}`)
    expect(inB).toContain(later.reference.id)
    expect(inB).not.toContain(thisYear.reference.id)

    const { options } = await gallery()
    expect(options.years).toEqual(expect.arrayContaining([yearA, yearB]))
    expect(options.years).toEqual([...options.years].sort((x, y) => y - x))
    expect(options.publicBodies.map((o: { slug: string }) => o.slug)).toContain(later.host.org.slug)
    expect(options.companies.map((o: { slug: string }) => o.slug)).toContain(later.company.org.slug)
    expect(options.themes.length).toBeGreaterThan(0)
    expect(options.counties).toHaveLength(21)
  })

  test('search: whole words through the index with å/ä/ö in any case, short words by LIKE', async () => {
    const db = getDb()
    const walkways = await createReference(db, {
      status: 'published',
      overrides: {
        title_sv: 'Värmeslingor på gångvägar i Älvsbyn',
        summary_sv: 'Gångvägarna hölls isfria med prognosstyrd värme.',
      },
    })
    const ai = await createReference(db, {
      status: 'published',
      overrides: {
        title_sv: 'AI-stöd för Ås hemtjänst',
        summary_sv: 'Planeringen av hemtjänsten i Ås blev enklare.',
      },
    })

    for (const q of ['älvsbyn', 'ÄLVSBYN', 'gångvägar', 'GÅNGVÄGAR isfria']) {
      const ids = await galleryIds(`?q=${encodeURIComponent(q)}`)
      expect(ids, q).toContain(walkways.reference.id)
      expect(ids, q).not.toContain(ai.reference.id)
    }
    // English text is searched too.
    expect(await galleryIds('?q=keyless')).toEqual(
      expect.arrayContaining([walkways.reference.id, ai.reference.id]),
    )
    // Words shorter than a trigram: LIKE, with Å/Ä/Ö tried in both cases.
    for (const q of ['ai', 'ås', 'ÅS']) {
      const ids = await galleryIds(`?q=${encodeURIComponent(q)}`)
      expect(ids, q).toContain(ai.reference.id)
      expect(ids, q).not.toContain(walkways.reference.id)
    }
    // FTS operators are plain text, not syntax.
    expect(
      statusOf(
        await run(() => galleryLoader(loaderArgs(getRequest('/references?q=%22OR%20NEAR(')))),
      ),
    ).toBe(200)
  })

  test('nonsense filter values are ignored, never a 500', async () => {
    const db = getDb()
    await createReference(db, { status: 'published' })
    const all = await gallery()
    const bad = await gallery(
      '?year=abc&size=huge&theme=DROP%20TABLE&county=xyz&page=-1&publicBody=..%2Fx&company=%00',
    )
    expect(bad.result.total).toBe(all.result.total)
    expect(bad.filters).toEqual({})
    const farPage = await gallery('?page=9999')
    expect(farPage.result.page).toBe(farPage.result.pages)
  })
})

describe('the company portfolio', () => {
  test('lists published references, completed pilots, awards and good-example placements', async () => {
    const db = getDb()
    const fromPilot = await createReference(db, { status: 'published' })
    const company = fromPilot.company
    const year = 2090 + Math.floor(Math.random() * 10)
    await competitionWon(fromPilot.reference.id, year)

    const outcome = await run(() =>
      portfolioLoader(
        loaderArgs(getRequest(`/organisations/${company.org.slug}/portfolio`), {
          slug: company.org.slug,
        }),
      ),
    )
    expect(statusOf(outcome)).toBe(200)
    const { portfolio, url } = dataOf(outcome)
    expect(url).toBe(`http://localhost:3000/organisations/${company.org.slug}/portfolio`)
    expect(portfolio.company).toMatchObject({ name: company.org.name, size_class: 'small' })
    expect(portfolio.references.map((r: ReferenceCardData) => r.id)).toEqual([
      fromPilot.reference.id,
    ])
    expect(portfolio.pilots).toEqual([
      expect.objectContaining({
        id: fromPilot.pilotId,
        offer_id: offerOf(fromPilot).id,
        offer_title: 'Testmiljö i hemtjänsten',
        host_slug: fromPilot.host.org.slug,
      }),
    ])
    expect(portfolio.awards).toEqual([])
    expect(portfolio.placements).toEqual([
      {
        year,
        category: 'Årets testbäddssamarbete',
        placement: 'winner',
        referenceId: fromPilot.reference.id,
        titleSv: 'Nyckelfri hemtjänst i Bergnäset',
        titleEn: 'Keyless home care in Bergnäset',
      },
    ])
  })

  test('a won award shows the call, buyer, decision and whether the contract is signed', async () => {
    const db = getDb()
    const fromCall = await createReference(db, { status: 'published', source: 'call' })
    const draft = await createReference(db, { status: 'draft', source: 'call' })
    const portfolio = async (slug: string) =>
      dataOf(
        await run(() =>
          portfolioLoader(loaderArgs(getRequest(`/organisations/${slug}/portfolio`), { slug })),
        ),
      ).portfolio
    const { call, buyer, loser } = callOf(fromCall)
    const won = await portfolio(fromCall.company.org.slug)
    expect(won.awards).toEqual([
      expect.objectContaining({
        call_id: call.id,
        buyer_slug: buyer.org.slug,
        contract_signed: false,
      }),
    ])
    expect(won.awards[0].decided_at).toEqual(expect.any(Number))
    // The loser bid too, but won nothing; the draft case is not shown, its award is.
    expect((await portfolio(loser.org.slug)).awards).toEqual([])
    const draftPortfolio = await portfolio(draft.company.org.slug)
    expect(draftPortfolio.references).toEqual([])
    expect(draftPortfolio.awards).toHaveLength(1)
  })

  test('answers 404 for a public body, an unknown slug and a malformed one', async () => {
    const db = getDb()
    const { host } = await createReference(db, { status: 'published' })
    for (const slug of [host.org.slug, 'no-such-company', 'Not A Slug!']) {
      const outcome = await run(() =>
        portfolioLoader(loaderArgs(getRequest(`/organisations/x/portfolio`), { slug })),
      )
      expect(statusOf(outcome), slug).toBe(404)
    }
  })
})

describe('profiles and the home page', () => {
  async function profile(slug: string) {
    const outcome = await run(() =>
      profileLoader(loaderArgs(getRequest(`/organisations/${slug}`), { slug })),
    )
    expect(statusOf(outcome)).toBe(200)
    return dataOf(outcome)
  }

  test('a public body’s profile shows the references it stands behind, its test beds and calls', async () => {
    const db = getDb()
    const published = await createReference(db, { status: 'published' })
    const { showcase } = await profile(published.host.org.slug)
    expect(showcase.kind).toBe('public_body')
    expect(showcase.references.map((r: ReferenceCardData) => r.id)).toEqual([
      published.reference.id,
    ])
    expect(showcase.referenceCount).toEqual({ total: 1, capped: false })
    expect(showcase.offers.map((o: { id: number }) => o.id)).toEqual([offerOf(published).id])
    expect(showcase.calls).toEqual([])

    const fromCall = callOf(await createReference(db, { status: 'draft', source: 'call' }))
    const buyer = await profile(fromCall.buyer.org.slug)
    // A draft case is not shown; the awarded call is.
    expect(buyer.showcase.references).toEqual([])
    expect(buyer.showcase.calls).toEqual([
      expect.objectContaining({ id: fromCall.call.id, shown_status: 'awarded' }),
    ])
  })

  test('a company’s profile shows its published references', async () => {
    const db = getDb()
    const published = await createReference(db, { status: 'published' })
    const { showcase } = await profile(published.company.org.slug)
    expect(showcase.kind).toBe('company')
    expect(showcase.references.map((r: ReferenceCardData) => r.id)).toEqual([
      published.reference.id,
    ])
  })

  test('the home page lists the newest published references', async () => {
    const db = getDb()
    await createReference(db, { status: 'published' })
    // Later than anything an earlier test published (some moved the clock forward).
    advanceClock(1000 * DAY)
    const newest = await createReference(db, { status: 'published' })
    const draft = await createReference(db, { status: 'draft' })
    const outcome = await run(() => homeLoader(loaderArgs(getRequest('/'))))
    const { references } = dataOf(outcome)
    const ids = references.map((r: ReferenceCardData) => r.id)
    expect(ids[0]).toBe(newest.reference.id)
    expect(ids).not.toContain(draft.reference.id)
    expect(ids.length).toBeLessThanOrEqual(3)
  })
})

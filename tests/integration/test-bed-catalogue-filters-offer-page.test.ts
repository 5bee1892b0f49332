import { beforeAll, describe, expect, test } from 'vitest'
import { loader as offerLoader } from '~/routes/test-beds.$offerId._index/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { addMember, createUser, unique } from '../helpers/factories'
import { dataOf, statusOf } from '../helpers/responses'
import {
  accept,
  catalogue,
  cookieOf,
  createOfferInSkane,
  ids,
  offerData,
  offerPage,
  type Party,
  results,
  setStatus,
} from '../helpers/test-bed-catalogue-setup'
import {
  createCompany,
  createDraftApplication,
  createHost,
  createMemberOf,
  createOffer,
  createSubmittedApplication,
} from '../helpers/test-bed-factories'

// Nothing here is timed: the catalogue's speed is measured by `npm run bench`, not by tests.
// This file: the filters, and an offer's own page (one of its tests reuses the filter group's
// passed round, so the two stay together).

let host: Party
let otherHost: Party

beforeAll(async () => {
  host = await createHost(getDb())
  otherHost = await createHost(getDb())
})

describe('filters', () => {
  let marker: string
  let rolling: { id: number }
  let roundOpen: { id: number }
  let roundPassed: { id: number }
  let paused: { id: number }
  let closed: { id: number }
  let draft: { id: number }
  let skane: { id: number }

  beforeAll(async () => {
    marker = unique('fl').toLowerCase()
    const db = getDb()
    rolling = await createOffer(db, host, {
      title: `Löpande ${marker}`,
      themes: ['energy', 'construction'],
      trl: [5, 7],
      accessModel: 'free',
    })
    roundOpen = await createOffer(db, host, {
      title: `Omgång öppen ${marker}`,
      intake: 'round',
      deadlineIn: 30 * 86400,
      themes: ['ehealth'],
      trl: [2, 4],
      accessModel: 'cost_sharing',
    })
    roundPassed = await createOffer(db, host, {
      title: `Omgång passerad ${marker}`,
      intake: 'round',
      deadlineIn: 2,
      accessModel: 'paid',
    })
    paused = await createOffer(db, host, { title: `Pausad ${marker}` })
    await setStatus(paused.id, host, 'paused')
    closed = await createOffer(db, host, { title: `Stängd ${marker}` })
    await setStatus(closed.id, host, 'closed')
    draft = await createOffer(db, host, { title: `Utkast ${marker}`, status: 'draft' })
    skane = await createOfferInSkane(otherHost, { title: `Skåne ${marker}` })
    // The one wait in this file: the round's deadline passes on the database's own clock.
    await new Promise((r) => setTimeout(r, 2200))
  })

  test('lists published offers only by default; drafts never', async () => {
    const found = await ids(`q=${marker}`)
    expect(found.sort()).toEqual([rolling.id, roundOpen.id, roundPassed.id, skane.id].sort())
  })

  test('"past" adds paused and closed offers, never drafts', async () => {
    const found = await ids(`q=${marker}&past=1`)
    expect(found).toEqual(expect.arrayContaining([paused.id, closed.id, rolling.id]))
    expect(found).not.toContain(draft.id)
  })

  test('"open" keeps only offers taking applications now', async () => {
    const found = await ids(`q=${marker}&open=1`)
    expect(found.sort()).toEqual([rolling.id, roundOpen.id, skane.id].sort())
    // Open wins over past: paused and closed offers take no applications.
    expect((await ids(`q=${marker}&open=1&past=1`)).sort()).toEqual(found.sort())
    const passed = (await results(`q=${marker}`)).result.items.find((i) => i.id === roundPassed.id)
    expect(passed?.open_now).toBe(false)
  })

  test('theme', async () => {
    expect(await ids(`q=${marker}&theme=energy`)).toEqual([rolling.id])
    expect(await ids(`q=${marker}&theme=ehealth`)).toEqual([roundOpen.id])
    expect(await ids(`q=${marker}&theme=mobility`)).toEqual([])
  })

  test('county', async () => {
    expect(await ids(`q=${marker}&county=12`)).toEqual([skane.id])
    expect(await ids(`q=${marker}&county=25`)).not.toContain(skane.id)
  })

  test('TRL: offers whose range contains the product level', async () => {
    expect((await ids(`q=${marker}&trl=3`)).sort()).toEqual([roundOpen.id])
    const at5 = await ids(`q=${marker}&trl=5`)
    expect(at5).toContain(rolling.id)
    expect(at5).not.toContain(roundOpen.id)
    expect(await ids(`q=${marker}&trl=9`)).toEqual([])
  })

  test('access model', async () => {
    expect(await ids(`q=${marker}&access=cost_sharing`)).toEqual([roundOpen.id])
    expect(await ids(`q=${marker}&access=paid`)).toEqual([roundPassed.id])
  })

  test('filters combine', async () => {
    expect(await ids(`q=${marker}&theme=construction&trl=6&access=free&county=25&open=1`)).toEqual([
      rolling.id,
    ])
  })

  test('nonsense values are ignored, never a 500', async () => {
    const data = await results(
      'trl=0&access=gratis&county=Norrbotten&theme=Energi!&open=yes&past=2&page=-3',
    )
    expect(data.filters).toEqual({})
    for (const query of ['trl=10', 'trl=abc', 'trl=5.5', 'page=abc', 'page=1e9', 'q=', 'county=']) {
      const outcome = await catalogue(query)
      expect(statusOf(outcome), query).toBe(200)
    }
    const kept = await results(`q=${marker}&trl=5&access=free&theme=energy&county=25&open=1`)
    expect(kept.filters).toEqual({
      q: marker,
      trl: 5,
      access: 'free',
      theme: 'energy',
      county: '25',
      open: true,
    })
  })

  test('a card has what the list shows', async () => {
    const card = (await results(`q=${marker}&access=cost_sharing`)).result.items[0]
    expect(card).toMatchObject({
      id: roundOpen.id,
      title: `Omgång öppen ${marker}`,
      status: 'published',
      intake: 'round',
      trl_min: 2,
      trl_max: 4,
      access_model: 'cost_sharing',
      county_name: 'Norrbottens län',
      open_now: true,
      themes: [{ code: 'ehealth', name: 'E-hälsa och digital vård' }],
    })
    expect(card?.deadline).toBeGreaterThan(now())
    expect(card?.host_name).toBeTruthy()
    expect(card?.municipality_name).toBeTruthy()
  })
})

describe('offer page', () => {
  test('shows the whole offer, with counts of running pilots and received applications', async () => {
    const db = getDb()
    const offer = await createOffer(db, host, {
      title: 'Hela erbjudandet',
      accessModel: 'cost_sharing',
      marketValue: 120000,
      price: 30000,
      capacity: 3,
      themes: ['active_healthy_ageing', 'welfare_technology'],
      criteria: [
        { title: 'Nytta för brukarna', kind: 'score' },
        { title: 'CE-märkt', kind: 'pass_fail' },
        { title: 'Skalbarhet', kind: 'score' },
      ],
    })
    await db
      .updateTable('test_bed_offers')
      .set({
        environments: 'Tre särskilda boenden.',
        test_user_count: 40,
        requires_ce_marking: 1,
        requires_dpia: 1,
        other_requirements: 'Svensk användarmanual.',
        updated_by: host.user.id,
        change_note: 'Mer om miljöerna',
      })
      .where('id', '=', offer.id)
      .execute()
    const accepted = await createCompany(db)
    const waiting = await createCompany(db)
    const drafting = await createCompany(db)
    const withdrawing = await createCompany(db)
    const a = await createSubmittedApplication(db, offer.id, accepted)
    await accept(a.id, offer.id, host)
    await createSubmittedApplication(db, offer.id, waiting)
    await createDraftApplication(db, offer.id, drafting)
    const w = await createSubmittedApplication(db, offer.id, withdrawing)
    await db
      .updateTable('pilot_applications')
      .set({ status: 'withdrawn', withdrawn_at: now() })
      .where('id', '=', w.id)
      .execute()

    const page = await offerData(offer.id)
    expect(page).toMatchObject({
      id: offer.id,
      title: 'Hela erbjudandet',
      status: 'published',
      environments: 'Tre särskilda boenden.',
      test_user_count: 40,
      requires_ce_marking: true,
      requires_dpia: true,
      requires_insurance: false,
      other_requirements: 'Svensk användarmanual.',
      market_value_sek: 120000,
      price_sek: 30000,
      aid_sek: 90000,
      capacity: 3,
      running_pilots: 1,
      // Submitted, accepted and withdrawn were received; the draft was not.
      applications_received: 3,
      open_now: true,
      closed_reason: null,
      contact_role: 'Innovationssamordnare',
      contact_email: 'testbadd@example.test',
    })
    expect(page.criteria.map((c) => [c.position, c.title, c.kind])).toEqual([
      [1, 'Nytta för brukarna', 'score'],
      [2, 'CE-märkt', 'pass_fail'],
      [3, 'Skalbarhet', 'score'],
    ])
    expect(page.themes.map((t) => t.code)).toEqual(['active_healthy_ageing', 'welfare_technology'])
    expect(page.published_at).toBeTypeOf('number')
    // The public page carries no private data: no scores, reasons or applicant names.
    expect(JSON.stringify(page)).not.toContain('Uppfyller kriterierna')
    expect(JSON.stringify(page)).not.toContain(accepted.org.name)
  })

  test('drafts are 404 for everyone but members of the host', async () => {
    const draft = await createOffer(getDb(), host, { status: 'draft', title: 'Hemligt utkast' })
    const company = await createCompany(getDb())
    const stranger = await createUser(getDb())
    expect(statusOf(await offerPage(String(draft.id)))).toBe(404)
    expect(statusOf(await offerPage(String(draft.id), await cookieOf(company)))).toBe(404)
    expect(statusOf(await offerPage(String(draft.id), await cookieOf({ user: stranger })))).toBe(
      404,
    )
    expect(statusOf(await offerPage(String(draft.id), await cookieOf(otherHost)))).toBe(404)
    // A colleague at the host sees it, marked as a draft.
    const colleague = await createMemberOf(getDb(), host.org.id)
    const seen = await offerData(draft.id, await cookieOf({ user: colleague }))
    expect(seen.status).toBe('draft')
    expect(seen.closed_reason).toBe('draft')
    expect(seen.viewer.is_host_member).toBe(true)
    // Nor is it in the catalogue, even for the host.
    expect(await ids('q=hemligt+utkast&past=1')).not.toContain(draft.id)
  })

  test('bad and unknown ids are 404', async () => {
    for (const id of ['abc', '0', '01', '-1', '1.5', '1e3', ' 1', '99999999', '9'.repeat(20)]) {
      expect(statusOf(await offerPage(id)), id).toBe(404)
    }
  })

  test('paused, closed and passed offers are public and say why they are not open', async () => {
    const db = getDb()
    const paused = await createOffer(db, host)
    await setStatus(paused.id, host, 'paused')
    const closed = await createOffer(db, host)
    await setStatus(closed.id, host, 'closed')
    const company = await createCompany(db)
    const cookie = await cookieOf(company)
    for (const [offer, reason] of [
      [paused, 'paused'],
      [closed, 'closed'],
    ] as const) {
      const page = await offerData(offer.id, cookie)
      expect(page.open_now).toBe(false)
      expect(page.closed_reason).toBe(reason)
      expect(page.viewer.companies).toEqual([
        { id: company.org.id, slug: company.org.slug, name: company.org.name, application: null },
      ])
    }
  })

  test('a round whose deadline has passed says so', async () => {
    // Reuses the filter group's passed round if it exists; otherwise makes and waits for one.
    const passed = await getDb()
      .selectFrom('test_bed_offers')
      .select('id')
      .where('intake', '=', 'round')
      .where('status', '=', 'published')
      .where('deadline', '<=', now())
      .executeTakeFirst()
    expect(passed).toBeDefined()
    const page = await offerData(passed!.id)
    expect(page.open_now).toBe(false)
    expect(page.closed_reason).toBe('deadline_passed')
  })

  test('what each viewer can do', async () => {
    const db = getDb()
    const offer = await createOffer(db, host)
    // Anonymous: log in to apply, and come back here.
    const anonymous = dataOf<Awaited<ReturnType<typeof offerLoader>>>(
      await offerPage(String(offer.id)),
    )
    expect(anonymous.offer.viewer).toEqual({
      signed_in: false,
      is_host_member: false,
      companies: [],
    })
    expect(anonymous.loginHref).toBe(`/login?redirectTo=%2Ftest-beds%2F${offer.id}`)

    // The host's members manage it.
    const hostView = await offerData(offer.id, await cookieOf(host))
    expect(hostView.viewer).toMatchObject({ signed_in: true, is_host_member: true, companies: [] })

    // A member of two companies: one has a live application, the other may apply.
    const applying = await createCompany(db)
    const second = await createCompany(db)
    await addMember(db, second.org.id, applying.user.id, 'member')
    const app = await createDraftApplication(db, offer.id, applying)
    const companyView = await offerData(offer.id, await cookieOf(applying))
    expect(companyView.viewer.is_host_member).toBe(false)
    const byId = new Map(companyView.viewer.companies.map((c) => [c.id, c]))
    expect(byId.get(applying.org.id)?.application).toEqual({ id: app.id, status: 'draft' })
    expect(byId.get(second.org.id)?.application).toBeNull()

    // A withdrawn application is not live: the company may apply again.
    await db
      .updateTable('pilot_applications')
      .set({
        status: 'submitted',
        submitted_at: now(),
        submitted_by: applying.user.id,
        receipt_hash: 'e'.repeat(64),
      })
      .where('id', '=', app.id)
      .execute()
    expect(
      (await offerData(offer.id, await cookieOf(applying))).viewer.companies.find(
        (c) => c.id === applying.org.id,
      )?.application,
    ).toEqual({ id: app.id, status: 'submitted' })
    await db
      .updateTable('pilot_applications')
      .set({ status: 'withdrawn', withdrawn_at: now() })
      .where('id', '=', app.id)
      .execute()
    expect(
      (await offerData(offer.id, await cookieOf(applying))).viewer.companies.find(
        (c) => c.id === applying.org.id,
      )?.application,
    ).toBeNull()

    // Another company's application is never shown to someone outside it.
    const outsider = await createCompany(db)
    const outsiderView = await offerData(offer.id, await cookieOf(outsider))
    expect(outsiderView.viewer.companies.map((c) => c.id)).toEqual([outsider.org.id])

    // Someone in no organisation: signed in, nothing to apply with.
    const loner = await createUser(db)
    expect((await offerData(offer.id, await cookieOf({ user: loner }))).viewer).toEqual({
      signed_in: true,
      is_host_member: false,
      companies: [],
    })
  })
})

import { describe, expect, test } from 'vitest'
import { recordContact } from '~/models/contacts.server'
import { DomainError } from '~/models/errors.server'
import { previewOutreach, sendOutreach } from '~/models/outreach.server'
import { getSmeReach } from '~/models/sme-reach.server'
import {
  action as newAction,
  loader as newLoader,
} from '~/routes/organisations.$slug.outreach.new/route'
import { loader as sentLoader } from '~/routes/organisations.$slug.outreach._index/route'
import {
  action as receivedAction,
  loader as receivedLoader,
} from '~/routes/organisations.$slug.outreach-received/route'
import { loader as reachLoader } from '~/routes/organisations.$slug.reach/route'
import { loader as settingsLoader } from '~/routes/organisations.$slug.settings/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { sessionCookieFor } from '../helpers/factories'
import { mailsTo } from '../helpers/inspect'
import {
  addUserTo,
  createPlacedCompany,
  createRegion,
  createVerifiedIntermediary,
  criteria,
} from '../helpers/outreach-factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import {
  createCompany,
  createHost,
  createOffer,
  createSubmittedApplication,
} from '../helpers/test-bed-factories'

// Broadcast outreach and SME reach through the models and pages (decision record 032): criteria →
// every match, opt-out honoured and counted, mail with the opt-out link, a changed count sends
// nothing, and who sees which page (404 for everyone else).

const db = getDb()

const SUBJECT = 'Inbjudan till öppen testbädd'
const BODY = 'Vi bjuder in alla små företag i länet att pröva sina lösningar i vår testbädd.'

async function as(userId: number) {
  return sessionCookieFor(db, userId)
}

describe('sending', () => {
  test('one message to every match, opt-out excluded and counted, mail to every member', async () => {
    const region = await createRegion(db)
    const a = await createPlacedCompany(db, { county: '06', municipality: '0680', size: 'small' })
    const b = await createPlacedCompany(db, { county: '06', municipality: '0682', size: 'micro' })
    const colleague = await addUserTo(db, b.org.id)
    const big = await createPlacedCompany(db, { county: '06', municipality: '0680', size: 'large' })
    const out = await createPlacedCompany(db, { county: '06', municipality: '0680', size: 'small' })
    await db
      .insertInto('company_outreach_settings')
      .values({ company_id: out.org.id, opted_out: 1, updated_at: now(), updated_by: out.user.id })
      .execute()
    const c = criteria({ county_code: '06' })
    expect(await previewOutreach(db, c)).toEqual({ matched: 3, opted_out: 1, recipients: 2 })
    const sent = await sendOutreach(db, {
      organisationId: region.org.id,
      userId: region.user.id,
      input: { subject: SUBJECT, body: BODY, criteria: c },
      confirmedCount: 2,
    })
    expect(sent).toMatchObject({ matched_count: 3, opted_out_count: 1, recipient_count: 2 })
    for (const user of [a.user, b.user, colleague]) {
      const [mail] = await mailsTo(db, user.email, 'outreach')
      expect(mail?.subject).toContain(SUBJECT)
      expect(mail?.text_body).toContain(BODY)
      expect(mail?.text_body).toContain('/outreach-received')
    }
    expect(await mailsTo(db, a.user.email, 'outreach')).toHaveLength(1)
    expect(await mailsTo(db, big.user.email, 'outreach')).toEqual([])
    expect(await mailsTo(db, out.user.email, 'outreach')).toEqual([])
  })

  test('a count that changed since the preview sends nothing; only regions and intermediaries send', async () => {
    const region = await createRegion(db)
    await createPlacedCompany(db, { county: '07', municipality: '0780', size: 'small' })
    const c = criteria({ county_code: '07' })
    const error = await sendOutreach(db, {
      organisationId: region.org.id,
      userId: region.user.id,
      input: { subject: SUBJECT, body: BODY, criteria: c },
      confirmedCount: 5,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('outreach_count_changed')
    expect(
      await db
        .selectFrom('outreaches')
        .select('id')
        .where('organisation_id', '=', region.org.id)
        .execute(),
    ).toEqual([])
    const municipality = await createHost(db)
    const refused = await sendOutreach(db, {
      organisationId: municipality.org.id,
      userId: municipality.user.id,
      input: { subject: SUBJECT, body: BODY, criteria: c },
      confirmedCount: 1,
    }).catch((e: unknown) => e)
    expect((refused as DomainError).code).toBe('not_found')
  })
})

describe('the pages', () => {
  test('compose: preview shows the counts, send needs the previewed count and criteria', async () => {
    const cluster = await createVerifiedIntermediary(db)
    await createPlacedCompany(db, { county: '08', municipality: '0880', size: 'small' })
    await createPlacedCompany(db, { county: '08', municipality: '0881', size: 'small' })
    const cookie = await as(cluster.user.id)
    const path = `/organisations/${cluster.org.slug}/outreach/new`
    const post = (fields: Record<string, string | string[]>) =>
      run(() =>
        newAction(actionArgs(formRequest(path, fields, { cookie }), { slug: cluster.org.slug })),
      )
    const base = {
      subject: SUBJECT,
      body: BODY,
      size_classes: ['small'],
      county_code: '08',
    }
    // Bad input: 400, messages by the fields, values kept.
    const bad = await post({ intent: 'preview', subject: 'x', body: BODY, county_code: '08' })
    expect(statusOf(bad)).toBe(400)
    expect(formResult(bad).error).toMatchObject({
      subject: ['errors.tooShort'],
      size_classes: ['outreach.form.error.sizes'],
    })
    expect(formResult(bad).initialValue).toMatchObject({ body: BODY })
    const wrongPlace = await post({ ...base, intent: 'preview', municipality_code: '0180' })
    expect(formResult(wrongPlace).error).toMatchObject({
      municipality_code: ['outreach.form.error.municipality'],
    })
    // Preview.
    const preview = dataOf(await post({ ...base, intent: 'preview' }))
    expect(preview.preview).toMatchObject({ matched: 2, opted_out: 0, recipients: 2 })
    // Send without the preview's count, or with other criteria than previewed: preview again.
    const blind = await post({ ...base, intent: 'send' })
    expect(statusOf(blind)).toBe(409)
    expect(formResult(blind).error).toMatchObject({ '': ['errors.domain.outreach_count_changed'] })
    const changed = await post({
      ...base,
      intent: 'send',
      municipality_code: '0880',
      confirmed_count: '2',
      confirmed_criteria: preview.preview.criteria,
    })
    expect(statusOf(changed)).toBe(409)
    expect(dataOf(changed).preview).toMatchObject({ recipients: 1 })
    const done = await post({
      ...base,
      intent: 'send',
      confirmed_count: '2',
      confirmed_criteria: preview.preview.criteria,
    })
    expect(statusOf(done)).toBe(302)
    expect(headerOf(done, 'Location')).toMatch(
      new RegExp(`^/organisations/${cluster.org.slug}/outreach\\?sent=\\d+$`),
    )
    // The sender's list: criteria and counts.
    const list = dataOf(
      await run(() =>
        sentLoader(
          loaderArgs(getRequest(headerOf(done, 'Location')!, { cookie }), {
            slug: cluster.org.slug,
          }),
        ),
      ),
    )
    expect(list.notice).toEqual({ count: 2 })
    expect(list.outreaches[0]).toMatchObject({
      subject: SUBJECT,
      recipient_count: 2,
      matched_count: 2,
      criteria: { size_classes: ['small'], county: 'Kalmar län', sectors: [], municipalities: [] },
    })
  })

  test('who sees what: sender’s members, receiving companies; everyone else 404', async () => {
    const region = await createRegion(db)
    const colleague = await addUserTo(db, region.org.id)
    const reached = await createPlacedCompany(db, {
      county: '09',
      municipality: '0980',
      size: 'small',
    })
    const notReached = await createPlacedCompany(db, {
      county: '10',
      municipality: '1080',
      size: 'small',
    })
    const municipality = await createHost(db)
    await sendOutreach(db, {
      organisationId: region.org.id,
      userId: region.user.id,
      input: { subject: SUBJECT, body: BODY, criteria: criteria({ county_code: '09' }) },
      confirmedCount: 1,
    })
    const sent = async (slug: string, userId: number) =>
      run(async () =>
        sentLoader(
          loaderArgs(getRequest(`/organisations/${slug}/outreach`, { cookie: await as(userId) }), {
            slug,
          }),
        ),
      )
    expect(dataOf(await sent(region.org.slug, colleague.id)).outreaches).toHaveLength(1)
    expect(statusOf(await sent(region.org.slug, reached.user.id))).toBe(404)
    expect(statusOf(await sent(municipality.org.slug, municipality.user.id))).toBe(404)
    expect(statusOf(await sent(reached.org.slug, reached.user.id))).toBe(404)
    const received = async (slug: string, userId: number) =>
      run(async () =>
        receivedLoader(
          loaderArgs(
            getRequest(`/organisations/${slug}/outreach-received`, { cookie: await as(userId) }),
            { slug },
          ),
        ),
      )
    const own = dataOf(await received(reached.org.slug, reached.user.id))
    expect(own.outreaches).toEqual([
      expect.objectContaining({ subject: SUBJECT, sender_name: region.org.name }),
    ])
    expect(dataOf(await received(notReached.org.slug, notReached.user.id)).outreaches).toEqual([])
    expect(statusOf(await received(reached.org.slug, notReached.user.id))).toBe(404)
    expect(statusOf(await received(reached.org.slug, region.user.id))).toBe(404)
    expect(statusOf(await received(region.org.slug, region.user.id))).toBe(404)
    // Anonymous: to the login page.
    const anonymous = await run(() =>
      receivedLoader(
        loaderArgs(getRequest(`/organisations/${reached.org.slug}/outreach-received`), {
          slug: reached.org.slug,
        }),
      ),
    )
    expect(statusOf(anonymous)).toBe(302)
    expect(headerOf(anonymous, 'Location')).toMatch(/^\/login/)
    const compose = await run(async () =>
      newLoader(
        loaderArgs(
          getRequest(`/organisations/${municipality.org.slug}/outreach/new`, {
            cookie: await as(municipality.user.id),
          }),
          { slug: municipality.org.slug },
        ),
      ),
    )
    expect(statusOf(compose)).toBe(404)
  })

  test('opting out on the company’s page: excluded from the next outreach, counted', async () => {
    const region = await createRegion(db)
    const company = await createPlacedCompany(db, {
      county: '12',
      municipality: '1280',
      size: 'micro',
    })
    const member = await addUserTo(db, company.org.id)
    const path = `/organisations/${company.org.slug}/outreach-received`
    const save = async (fields: Record<string, string>) =>
      run(async () =>
        receivedAction(
          actionArgs(formRequest(path, fields, { cookie: await as(member.id) }), {
            slug: company.org.slug,
          }),
        ),
      )
    const saved = await save({ opted_out: 'on' })
    expect(headerOf(saved, 'Location')).toBe(`${path}?notice=out`)
    const c = criteria({ county_code: '12', size_classes: ['micro'] })
    expect(await previewOutreach(db, c)).toEqual({ matched: 1, opted_out: 1, recipients: 0 })
    const page = dataOf(
      await run(async () =>
        receivedLoader(
          loaderArgs(getRequest(path, { cookie: await as(company.user.id) }), {
            slug: company.org.slug,
          }),
        ),
      ),
    )
    expect(page.optedOut).toBe(true)
    // The settings show the same choice (their form posts to the outreach page).
    const settings = dataOf(
      await run(async () =>
        settingsLoader(
          loaderArgs(
            getRequest(`/organisations/${company.org.slug}/settings`, {
              cookie: await as(company.user.id),
            }),
            { slug: company.org.slug },
          ),
        ),
      ),
    )
    expect(settings.outreachOptOut).toBe(true)
    await save({})
    expect(await previewOutreach(db, c)).toEqual({ matched: 1, opted_out: 0, recipients: 1 })
    const stranger = await run(async () =>
      receivedAction(
        actionArgs(formRequest(path, { opted_out: 'on' }, { cookie: await as(region.user.id) }), {
          slug: company.org.slug,
        }),
      ),
    )
    expect(statusOf(stranger)).toBe(404)
  })
})

describe('SME reach', () => {
  test('never reached by size, sector and municipality; contacts count only where visible', async () => {
    const region = await createRegion(db)
    const other = await createHost(db)
    const applied = await createPlacedCompany(db, {
      county: '13',
      municipality: '1380',
      size: 'small',
      sectors: ['J'],
    })
    const ownContact = await createPlacedCompany(db, {
      county: '13',
      municipality: '1380',
      size: 'micro',
    })
    const hidden = await createPlacedCompany(db, {
      county: '13',
      municipality: '1381',
      size: 'small',
      sectors: ['J'],
    })
    const shared = await createPlacedCompany(db, {
      county: '13',
      municipality: '1381',
      size: 'medium',
    })
    await createPlacedCompany(db, { county: '13', municipality: '1381', size: 'large' })
    const offer = await createOffer(db, other)
    await createSubmittedApplication(db, offer.id, applied)
    const contact = (author: typeof region, companyId: number) =>
      recordContact(db, {
        authorOrganisationId: author.org.id,
        userId: author.user.id,
        companyId,
        initiativeId: null,
        acknowledgedAt: now(),
        input: {
          contacted_on: '2026-11-02',
          kind: 'visit',
          purpose: 'Företagsbesök om testbäddar.',
        },
      })
    await contact(region, ownContact.org.id)
    await contact(other, hidden.org.id)
    await contact(other, shared.org.id)
    await db
      .insertInto('company_contact_settings')
      .values({
        company_id: shared.org.id,
        share_contacts: 1,
        updated_at: now(),
        updated_by: shared.user.id,
      })
      .execute()
    const reach = await getSmeReach(db, { county: '13', viewer: region.org.id, locale: 'sv' })
    expect(reach.bySize).toEqual([
      { key: 'large', name: null, companies: 1, never: 1 },
      { key: 'medium', name: null, companies: 1, never: 0 },
      { key: 'micro', name: null, companies: 1, never: 0 },
      { key: 'small', name: null, companies: 2, never: 1 },
    ])
    expect(reach.bySector).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'J', companies: 2, never: 1 }),
        expect.objectContaining({ key: null, companies: 3, never: 1 }),
      ]),
    )
    expect(reach.byMunicipality).toEqual([
      { key: '1381', name: 'Laholm', companies: 3, never: 2 },
      { key: '1380', name: 'Halmstad', companies: 2, never: 0 },
    ])
    // The other body sees its own contact with the unshared company: reached.
    const theirs = await getSmeReach(db, { county: '13', viewer: other.org.id, locale: 'sv' })
    expect(theirs.bySize.find((r) => r.key === 'small')).toMatchObject({ never: 0 })
    // First-time participants: the applicant, an SME, this quarter.
    expect(reach.quarters).toEqual([expect.objectContaining({ companies: 1, smes: 1 })])
  })

  test('the page: the organisation’s county by default, any county by address; 404 for others', async () => {
    const cluster = await createVerifiedIntermediary(db)
    const page = async (slug: string, userId: number, query = '') =>
      run(async () =>
        reachLoader(
          loaderArgs(
            getRequest(`/organisations/${slug}/reach${query}`, { cookie: await as(userId) }),
            {
              slug,
            },
          ),
        ),
      )
    expect(dataOf(await page(cluster.org.slug, cluster.user.id)).county.code).toBe('25')
    expect(dataOf(await page(cluster.org.slug, cluster.user.id, '?county=13')).county.code).toBe(
      '13',
    )
    expect(dataOf(await page(cluster.org.slug, cluster.user.id, '?county=xx')).county.code).toBe(
      '25',
    )
    const municipality = await createHost(db)
    expect(statusOf(await page(municipality.org.slug, municipality.user.id))).toBe(404)
    const company = await createCompany(db)
    expect(statusOf(await page(company.org.slug, company.user.id))).toBe(404)
    expect(statusOf(await page(cluster.org.slug, company.user.id))).toBe(404)
  })
})

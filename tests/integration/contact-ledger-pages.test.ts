import { describe, expect, test } from 'vitest'
import { recordContact } from '~/models/contacts.server'
import { loader as callLoader } from '~/routes/calls.$callId._index/route'
import { loader as aboutUsLoader } from '~/routes/organisations.$slug.contacts-about-us/route'
import {
  action as ledgerAction,
  loader as ledgerLoader,
} from '~/routes/organisations.$slug.contacts/route'
import {
  action as settingsAction,
  loader as settingsLoader,
} from '~/routes/organisations.$slug.settings/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createInitiative } from '~/models/initiatives.server'
import { createCall } from '../helpers/call-factories'
import { sessionCookieFor } from '../helpers/factories'
import { INPUT } from '../helpers/initiative-factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany, createHost } from '../helpers/test-bed-factories'

// The contact ledger's pages (decision record 029): the company's own list (404 for anyone else)
// and the market-dialogue disclosure on a published call's page (public).

const db = getDb()

describe('the pages', () => {
  test('contacts about us: the company’s members only; the call page shows the disclosure', async () => {
    const buyer = await createHost(db)
    const company = await createCompany(db)
    const otherCompany = await createCompany(db)
    const initiative = await createInitiative(db, {
      organisation: { id: buyer.org.id, kind: 'public_body', verification_status: 'verified' },
      userId: buyer.user.id,
      input: INPUT,
      status: 'active',
    })
    await recordContact(db, {
      authorOrganisationId: buyer.org.id,
      userId: buyer.user.id,
      companyId: company.org.id,
      initiativeId: initiative.id,
      acknowledgedAt: now(),
      input: {
        contacted_on: '2026-10-15',
        kind: 'dialogue_meeting',
        purpose: 'Dialogmöte om nattillsyn.',
      },
    })
    const page = async (slug: string, userId: number) => {
      const cookie = await sessionCookieFor(db, userId)
      const request = getRequest(`/organisations/${slug}/contacts-about-us`, { cookie })
      return run(() => aboutUsLoader(loaderArgs(request, { slug })))
    }
    const own = dataOf(await page(company.org.slug, company.user.id))
    expect(own.contacts.items).toEqual([
      expect.objectContaining({ author_name: buyer.org.name, kind: 'dialogue_meeting' }),
    ])
    expect(statusOf(await page(company.org.slug, otherCompany.user.id))).toBe(404)
    expect(statusOf(await page(company.org.slug, buyer.user.id))).toBe(404)
    expect(statusOf(await page(buyer.org.slug, buyer.user.id))).toBe(404)

    const { call } = await createCall(db, buyer, { status: 'draft' })
    await db
      .updateTable('calls')
      .set({ initiative_id: initiative.id })
      .where('id', '=', call.id)
      .execute()
    await db
      .updateTable('calls')
      .set({ status: 'published', published_at: now(), updated_at: now() })
      .where('id', '=', call.id)
      .execute()
    const callPage = dataOf(
      await run(() =>
        callLoader(loaderArgs(getRequest(`/calls/${call.id}`), { callId: String(call.id) })),
      ),
    )
    expect(callPage.contactDisclosures).toEqual([
      expect.objectContaining({
        company_name: company.org.name,
        contacted_on: '2026-10-15',
        kind: 'dialogue_meeting',
        purpose: 'Dialogmöte om nattillsyn.',
      }),
    ])
  })

  test('recording: choose a company, see its shared contacts and preference, acknowledge', async () => {
    const body = await createHost(db)
    const other = await createHost(db)
    const company = await createCompany(db)
    await recordContact(db, {
      authorOrganisationId: other.org.id,
      userId: other.user.id,
      companyId: company.org.id,
      initiativeId: null,
      acknowledgedAt: now(),
      input: { contacted_on: '2026-11-10', kind: 'event', purpose: 'Träff på B2B-forumet.' },
    })
    const cookie = await sessionCookieFor(db, body.user.id)
    const path = `/organisations/${body.org.slug}/contacts`
    const view = async () =>
      dataOf(
        await run(() =>
          ledgerLoader(
            loaderArgs(getRequest(`${path}?company=${company.org.id}`, { cookie }), {
              slug: body.org.slug,
            }),
          ),
        ),
      )
    // Not shared: the other body's contact is not shown, the default preference is.
    expect((await view()).briefing.recent).toEqual([])
    await db
      .insertInto('company_contact_settings')
      .values({
        company_id: company.org.id,
        share_contacts: 1,
        updated_at: now(),
        updated_by: company.user.id,
      })
      .execute()
    expect((await view()).briefing.recent).toEqual([
      expect.objectContaining({ author_name: other.org.name, kind: 'event' }),
    ])
    const fields = {
      company_id: String(company.org.id),
      contacted_on: '2026-11-20',
      kind: 'demo',
      purpose: 'Demonstration av trygghetslarm.',
    }
    const post = async (form: Record<string, string>, as = cookie, slug = body.org.slug) =>
      run(() =>
        ledgerAction(
          actionArgs(formRequest(`/organisations/${slug}/contacts`, form, { cookie: as }), {
            slug,
          }),
        ),
      )
    const refused = await post(fields)
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error?.acknowledged).toEqual(['contacts.form.error.acknowledge'])
    expect(formResult(refused).initialValue).toMatchObject({ purpose: fields.purpose })
    const done = await post({ ...fields, acknowledged: 'on' })
    expect(headerOf(done, 'Location')).toBe(`${path}?notice=recorded`)
    const row = await db
      .selectFrom('company_contacts')
      .selectAll()
      .where('author_organisation_id', '=', body.org.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      company_id: company.org.id,
      kind: 'demo',
      recorded_by: body.user.id,
    })
    // A company has no ledger page, and cannot record on a body's.
    const companyCookie = await sessionCookieFor(db, company.user.id)
    expect(statusOf(await post({ ...fields, acknowledged: 'on' }, companyCookie))).toBe(404)
    expect(
      statusOf(
        await run(() =>
          ledgerLoader(
            loaderArgs(
              getRequest(`/organisations/${company.org.slug}/contacts`, { cookie: companyCookie }),
              {
                slug: company.org.slug,
              },
            ),
          ),
        ),
      ),
    ).toBe(404)
  })

  test('the company sets sharing and its preference on its settings page', async () => {
    const company = await createCompany(db)
    const body = await createHost(db)
    const slug = company.org.slug
    const path = `/organisations/${slug}/settings`
    const cookie = await sessionCookieFor(db, company.user.id)
    const before = dataOf(
      await run(() => settingsLoader(loaderArgs(getRequest(path, { cookie }), { slug }))),
    )
    expect(before.contactSettings).toMatchObject({ share_contacts: false })
    const post = (fields: Record<string, string>, as = cookie, at = slug) =>
      run(() =>
        settingsAction(
          actionArgs(formRequest(`/organisations/${at}/settings`, fields, { cookie: as }), {
            slug: at,
          }),
        ),
      )
    const bad = await post({ intent: 'contacts', preferred_channel: 'x', not_before: '2027-13-01' })
    expect(statusOf(bad)).toBe(400)
    expect(dataOf(bad).contactsResult.error).toMatchObject({
      not_before: ['contacts.form.error.date'],
    })
    const done = await post({
      intent: 'contacts',
      share_contacts: 'on',
      preferred_channel: 'through_intermediary',
      preference_note: 'Via IUC Norrbotten, tack.',
      not_before: '2027-02-01',
    })
    expect(headerOf(done, 'Location')).toBe(`${path}?notice=contacts`)
    const after = dataOf(
      await run(() => settingsLoader(loaderArgs(getRequest(path, { cookie }), { slug }))),
    )
    expect(after.contactSettings).toEqual({
      share_contacts: true,
      preferred_channel: 'through_intermediary',
      preference_note: 'Via IUC Norrbotten, tack.',
      not_before: '2027-02-01',
    })
    // A public body's settings page has no such section, and cannot save one.
    const bodyCookie = await sessionCookieFor(db, body.user.id)
    const bodyPage = dataOf(
      await run(() =>
        settingsLoader(
          loaderArgs(
            getRequest(`/organisations/${body.org.slug}/settings`, { cookie: bodyCookie }),
            {
              slug: body.org.slug,
            },
          ),
        ),
      ),
    )
    expect(bodyPage.contactSettings).toBeNull()
    const refused = await post(
      { intent: 'contacts', preferred_channel: 'no_preference' },
      bodyCookie,
      body.org.slug,
    )
    expect(statusOf(refused)).toBe(404)
  })
})

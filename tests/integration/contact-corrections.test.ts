import { describe, expect, test } from 'vitest'
import {
  BRIEFING_LIMIT,
  COMPANY_SEARCH_LIMIT,
  contactBriefing,
  findCompanies,
  LEDGER_PAGE_SIZE,
} from '~/models/contact-reads.server'
import { recordContact } from '~/models/contacts.server'
import { loader as aboutUsLoader } from '~/routes/organisations.$slug.contacts-about-us/route'
import { loader as ledgerLoader } from '~/routes/organisations.$slug.contacts/route'
import {
  action as correctAction,
  loader as correctLoader,
} from '~/routes/organisations.$slug.contacts_.$contactId/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createOrganisation, sessionCookieFor } from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany, createHost } from '../helpers/test-bed-factories'

// Correcting a contact in the ledger (decision record 029): only the organisation that recorded
// it, with the replaced text kept as history; and the ledger lists a page at a time.

const db = getDb()

async function contactBy(author: Awaited<ReturnType<typeof createHost>>, companyId: number) {
  return recordContact(db, {
    authorOrganisationId: author.org.id,
    userId: author.user.id,
    companyId,
    initiativeId: null,
    acknowledgedAt: now(),
    input: { contacted_on: '2026-11-02', kind: 'visit', purpose: 'Besök om sensorer i kyla.' },
  })
}

describe('correcting a contact', () => {
  test('the author corrects it, the old text stays in the history, the company sees it corrected', async () => {
    const author = await createHost(db)
    const company = await createCompany(db)
    const contact = await contactBy(author, company.org.id)
    const cookie = await sessionCookieFor(db, author.user.id)
    const slug = author.org.slug
    const path = `/organisations/${slug}/contacts/${contact.id}`
    const params = { slug, contactId: String(contact.id) }
    const page = async () =>
      dataOf(await run(() => correctLoader(loaderArgs(getRequest(path, { cookie }), params))))
    expect(await page()).toMatchObject({
      contact: { id: contact.id, purpose: 'Besök om sensorer i kyla.', revision: 1 },
      history: [],
    })
    const post = (form: Record<string, string>) =>
      run(() => correctAction(actionArgs(formRequest(path, form, { cookie }), params)))

    const unchanged = await post({
      contacted_on: '2026-11-02',
      kind: 'visit',
      purpose: 'Besök om sensorer i kyla.',
    })
    expect(statusOf(unchanged)).toBe(400)
    expect(formResult(unchanged).error?.['']).toEqual(['errors.domain.contact_unchanged'])

    const bad = await post({ contacted_on: '2026-02-30', kind: 'visit', purpose: 'Kort' })
    expect(statusOf(bad)).toBe(400)
    expect(formResult(bad).error).toMatchObject({
      contacted_on: ['contacts.form.error.date'],
      purpose: ['errors.tooShort'],
    })
    expect(formResult(bad).initialValue).toMatchObject({ purpose: 'Kort' })

    const done = await post({
      contacted_on: '2026-11-03',
      kind: 'demo',
      purpose: 'Demonstration av sensorer i kyla, inte ett besök.',
    })
    expect(headerOf(done, 'Location')).toBe(`${path}?notice=corrected`)
    const after = await page()
    expect(after.contact).toMatchObject({ kind: 'demo', contacted_on: '2026-11-03', revision: 2 })
    expect(after.history).toEqual([
      expect.objectContaining({
        revision: 1,
        contacted_on: '2026-11-02',
        kind: 'visit',
        purpose: 'Besök om sensorer i kyla.',
        written_by_name: author.user.name,
      }),
    ])
    const companyCookie = await sessionCookieFor(db, company.user.id)
    const aboutUs = dataOf(
      await run(() =>
        aboutUsLoader(
          loaderArgs(
            getRequest(`/organisations/${company.org.slug}/contacts-about-us`, {
              cookie: companyCookie,
            }),
            { slug: company.org.slug },
          ),
        ),
      ),
    )
    expect(aboutUs.contacts.items).toEqual([
      expect.objectContaining({ id: contact.id, revision: 2, kind: 'demo' }),
    ])
  })

  test('nobody else can open or correct it: 404', async () => {
    const author = await createHost(db)
    const otherBody = await createHost(db)
    const company = await createCompany(db)
    const contact = await contactBy(author, company.org.id)
    const theirs = await contactBy(otherBody, company.org.id)
    const form = { contacted_on: '2026-11-01', kind: 'demo', purpose: 'Ett försök att rätta.' }
    const attempt = async (userId: number, slug: string, contactId: string) => {
      const cookie = await sessionCookieFor(db, userId)
      const path = `/organisations/${slug}/contacts/${contactId}`
      const params = { slug, contactId }
      return [
        statusOf(await run(() => correctLoader(loaderArgs(getRequest(path, { cookie }), params)))),
        statusOf(
          await run(() => correctAction(actionArgs(formRequest(path, form, { cookie }), params))),
        ),
      ]
    }
    const id = String(contact.id)
    expect(await attempt(otherBody.user.id, otherBody.org.slug, id)).toEqual([404, 404])
    expect(await attempt(otherBody.user.id, author.org.slug, id)).toEqual([404, 404])
    expect(await attempt(company.user.id, company.org.slug, id)).toEqual([404, 404])
    // Under one's own address, another organisation's contact, a missing one, or no number.
    expect(await attempt(author.user.id, author.org.slug, String(theirs.id))).toEqual([404, 404])
    expect(await attempt(author.user.id, author.org.slug, '99999999')).toEqual([404, 404])
    expect(await attempt(author.user.id, author.org.slug, '1e3')).toEqual([404, 404])
    const row = await db
      .selectFrom('company_contacts')
      .select(['revision', 'purpose'])
      .where('id', '=', contact.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ revision: 1, purpose: 'Besök om sensorer i kyla.' })
  })
})

describe('the ledger a page at a time', () => {
  test(`${LEDGER_PAGE_SIZE} a page, newest first; a page past the end shows the last`, async () => {
    const author = await createHost(db)
    const company = await createCompany(db)
    const extra = 5
    for (let i = 0; i < LEDGER_PAGE_SIZE + extra; i++) await contactBy(author, company.org.id)
    const cookie = await sessionCookieFor(db, author.user.id)
    const view = async (query: string) =>
      dataOf(
        await run(() =>
          ledgerLoader(
            loaderArgs(
              getRequest(`/organisations/${author.org.slug}/contacts${query}`, { cookie }),
              {
                slug: author.org.slug,
              },
            ),
          ),
        ),
      ).contacts
    const first = await view('')
    expect(first).toMatchObject({ total: LEDGER_PAGE_SIZE + extra, page: 1, pages: 2 })
    expect(first.items).toHaveLength(LEDGER_PAGE_SIZE)
    const second = await view('?page=2')
    expect(second.items).toHaveLength(extra)
    const ids = [...first.items, ...second.items].map((c: { id: number }) => c.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect((await view('?page=999')).page).toBe(2)
    expect((await view('?page=abc')).page).toBe(1)
  })

  test(`the briefing before recording shows the newest ${BRIEFING_LIMIT} and says there are more`, async () => {
    const author = await createHost(db)
    const company = await createCompany(db)
    for (let i = 0; i < BRIEFING_LIMIT + 1; i++) await contactBy(author, company.org.id)
    const briefing = await contactBriefing(db, {
      companyId: company.org.id,
      userId: author.user.id,
    })
    expect(briefing.recent).toHaveLength(BRIEFING_LIMIT)
    expect(briefing.more).toBe(true)
  })
})

describe('finding the company to record a contact with', () => {
  test('by any case, without å/ä/ö, or by the first digits of its number; companies only', async () => {
    const tag = `Q${Date.now().toString(36)}`
    const care = await createOrganisation(db, { kind: 'company', name: `Vårdkraft ${tag} Öst AB` })
    await createOrganisation(db, { kind: 'public_body', name: `Vårdkraft ${tag} kommun` })
    const names = async (q: string) =>
      (await findCompanies(db, q)).items.map((c: { name: string }) => c.name)
    expect(await names(`vårdkraft ${tag}`)).toEqual([care.name])
    expect(await names(`VARDKRAFT ${tag.toLowerCase()} ost`)).toEqual([care.name])
    expect(await names(`${tag} öst`)).toEqual([care.name])
    const { org_number } = await db
      .selectFrom('organisations')
      .select('org_number')
      .where('id', '=', care.id)
      .executeTakeFirstOrThrow()
    expect(await names(`${org_number.slice(0, 6)}-${org_number.slice(6, 8)}`)).toContain(care.name)
    expect(await names('   ')).toEqual([])
    expect(await names('100%_')).toEqual([])
  })

  test(`at most ${COMPANY_SEARCH_LIMIT}, and it says there are more`, async () => {
    const tag = `M${Date.now().toString(36)}`
    for (let i = 0; i <= COMPANY_SEARCH_LIMIT; i++)
      await createOrganisation(db, { kind: 'company', name: `Mängd ${tag} ${i} AB` })
    const found = await findCompanies(db, tag)
    expect(found.items).toHaveLength(COMPANY_SEARCH_LIMIT)
    expect(found.more).toBe(true)
  })
})

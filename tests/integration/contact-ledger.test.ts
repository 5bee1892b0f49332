import { beforeAll, describe, expect, test } from 'vitest'
import {
  contactBriefing,
  listAuthoredContacts,
  listCallContactDisclosures,
  listContactsAboutCompany,
  visibleContactsOfCompany,
} from '~/models/contact-reads.server'
import { correctContact, recordContact, saveContactSettings, today } from '~/models/contacts.server'
import { createInitiative } from '~/models/initiatives.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createCall } from '../helpers/call-factories'
import { createOrganisation, createUser } from '../helpers/factories'
import { INPUT } from '../helpers/initiative-factories'
import { createCompany, createHost, createMemberOf } from '../helpers/test-bed-factories'

// The company contact ledger through the models (decision record 029): who sees which contact,
// per role, and the corrections and disclosures the app writes. Raw-SQL attacks:
// contact-ledger-rules.test.ts.

const db = getDb()
type Party = Awaited<ReturnType<typeof createHost>>

const INPUT_CONTACT = {
  contacted_on: '2026-11-20',
  kind: 'visit' as const,
  purpose: 'Företagsbesök om sensorer för fallprevention.',
}

function record(author: Party, company: Party, initiativeId: number | null = null) {
  return recordContact(db, {
    authorOrganisationId: author.org.id,
    userId: author.user.id,
    companyId: company.org.id,
    initiativeId,
    acknowledgedAt: now(),
    input: INPUT_CONTACT,
  })
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id)

describe('who sees a contact', () => {
  let author: Party
  let otherBody: Party
  let company: Party
  let otherCompany: Party
  let contactId: number

  beforeAll(async () => {
    author = await createHost(db)
    otherBody = await createHost(db)
    company = await createCompany(db)
    otherCompany = await createCompany(db)
    contactId = (await record(author, company)).id
  })

  test('an anonymous visitor sees none, and the company page answers not found', async () => {
    expect(await visibleContactsOfCompany(db, { companyId: company.org.id, userId: null })).toEqual(
      [],
    )
    await expect(
      listContactsAboutCompany(db, { companyId: company.org.id, userId: null }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })

  test('another company sees none, and not the company’s page', async () => {
    const viewer = otherCompany.user.id
    expect(
      await visibleContactsOfCompany(db, { companyId: company.org.id, userId: viewer }),
    ).toEqual([])
    await expect(
      listContactsAboutCompany(db, { companyId: company.org.id, userId: viewer }),
    ).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      listAuthoredContacts(db, { organisationId: author.org.id, userId: viewer }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })

  test('the company sees every contact about itself, shared or not', async () => {
    const { items: rows, total } = await listContactsAboutCompany(db, {
      companyId: company.org.id,
      userId: company.user.id,
    })
    expect(ids(rows)).toEqual([contactId])
    expect(total).toBe(1)
    expect(rows[0]).toMatchObject({ author_id: author.org.id, kind: 'visit' })
  })

  test('the author’s members see their own contacts', async () => {
    const colleague = await createMemberOf(db, author.org.id)
    expect(
      ids(
        (await listAuthoredContacts(db, { organisationId: author.org.id, userId: colleague.id }))
          .items,
      ),
    ).toEqual([contactId])
  })

  test('another verified body sees them only while the company shares', async () => {
    const viewer = otherBody.user.id
    const visible = () =>
      visibleContactsOfCompany(db, { companyId: company.org.id, userId: viewer })
    expect(await visible()).toEqual([])
    await expect(
      listAuthoredContacts(db, { organisationId: author.org.id, userId: viewer }),
    ).rejects.toMatchObject({ code: 'not_found' })
    const share = (on: boolean) =>
      saveContactSettings(db, {
        companyId: company.org.id,
        userId: company.user.id,
        input: {
          share_contacts: on,
          preferred_channel: 'through_intermediary',
          preference_note: 'Via vår IUC, tack.',
          not_before: null,
        },
      })
    await share(true)
    expect(ids(await visible())).toEqual([contactId])
    const briefing = await contactBriefing(db, { companyId: company.org.id, userId: viewer })
    expect(ids(briefing.recent)).toEqual([contactId])
    expect(briefing.settings).toMatchObject({
      share_contacts: true,
      preferred_channel: 'through_intermediary',
    })
    // Another company still sees nothing, sharing or not; nor does an unverified public body.
    expect(
      await visibleContactsOfCompany(db, {
        companyId: company.org.id,
        userId: otherCompany.user.id,
      }),
    ).toEqual([])
    const pendingUser = await createUser(db)
    await createOrganisation(db, { kind: 'public_body', adminUserId: pendingUser.id })
    expect(
      await visibleContactsOfCompany(db, { companyId: company.org.id, userId: pendingUser.id }),
    ).toEqual([])
    await share(false)
    expect(await visible()).toEqual([])
  })

  test('only the company’s members change its settings', async () => {
    await expect(
      saveContactSettings(db, {
        companyId: company.org.id,
        userId: otherBody.user.id,
        input: {
          share_contacts: true,
          preferred_channel: 'no_preference',
          preference_note: '',
          not_before: null,
        },
      }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('recording and correcting', () => {
  test('nothing is recorded without acknowledging the company’s contacts and preference', async () => {
    const author = await createHost(db)
    const company = await createCompany(db)
    await expect(
      recordContact(db, {
        authorOrganisationId: author.org.id,
        userId: author.user.id,
        companyId: company.org.id,
        initiativeId: null,
        acknowledgedAt: null,
        input: INPUT_CONTACT,
      }),
    ).rejects.toMatchObject({ code: 'contact_not_acknowledged' })
  })

  test('a company, another company and a future date cannot be recorded', async () => {
    const author = await createHost(db)
    const company = await createCompany(db)
    await expect(record(company, author)).rejects.toMatchObject({ code: 'not_found' })
    await expect(record(author, await createHost(db))).rejects.toMatchObject({
      code: 'contact_not_company',
    })
    await expect(
      recordContact(db, {
        authorOrganisationId: author.org.id,
        userId: author.user.id,
        companyId: company.org.id,
        initiativeId: null,
        acknowledgedAt: now(),
        input: { ...INPUT_CONTACT, contacted_on: '2099-01-01' },
      }),
    ).rejects.toMatchObject({ code: 'contact_in_future' })
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  test('the author corrects a contact and the old text is kept; nobody else can', async () => {
    const author = await createHost(db)
    const company = await createCompany(db)
    const { id } = await record(author, company)
    const input = { ...INPUT_CONTACT, purpose: 'Företagsbesök om golvsensorer och larm.' }
    await expect(
      correctContact(db, { contactId: id, userId: company.user.id, input }),
    ).rejects.toMatchObject({ code: 'not_found' })
    await correctContact(db, { contactId: id, userId: author.user.id, input })
    const row = await db
      .selectFrom('company_contacts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ revision: 2, purpose: input.purpose, corrected_by: author.user.id })
    const history = await db
      .selectFrom('company_contact_revisions')
      .selectAll()
      .where('contact_id', '=', id)
      .execute()
    expect(history).toMatchObject([{ revision: 1, purpose: INPUT_CONTACT.purpose }])
  })
})

describe('the market-dialogue disclosure', () => {
  test('publishing a call discloses its initiative’s contacts; later ones appear at once', async () => {
    const buyer = await createHost(db)
    const company = await createCompany(db)
    const initiative = await createInitiative(db, {
      organisation: { id: buyer.org.id, kind: 'public_body', verification_status: 'verified' },
      userId: buyer.user.id,
      input: INPUT,
      status: 'active',
    })
    const before = await record(buyer, company, initiative.id)
    const unrelated = await record(buyer, company)
    const { call } = await createCall(db, buyer, { status: 'draft' })
    await db
      .updateTable('calls')
      .set({ initiative_id: initiative.id })
      .where('id', '=', call.id)
      .execute()
    expect(await listCallContactDisclosures(db, call.id)).toEqual([])
    await db
      .updateTable('calls')
      .set({ status: 'published', published_at: now(), updated_at: now() })
      .where('id', '=', call.id)
      .execute()
    const disclosed = await listCallContactDisclosures(db, call.id)
    expect(disclosed.map((d) => d.contact_id)).toEqual([before.id])
    expect(disclosed[0]).toMatchObject({
      company_name: company.org.name,
      kind: 'visit',
      purpose: INPUT_CONTACT.purpose,
    })
    const after = await record(buyer, company, initiative.id)
    expect((await listCallContactDisclosures(db, call.id)).map((d) => d.contact_id)).toEqual([
      before.id,
      after.id,
    ])
    expect(unrelated.id).not.toBe(after.id)
  })
})

import { afterEach, describe, expect, test } from 'vitest'
import { getCallTerms } from '~/models/calls.server'
import { now } from '~/utils/clock.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import {
  type Buyer,
  callCount,
  cookieFor,
  db,
  draftFields,
  editPage,
  idFrom,
  postEdit,
  postNew,
  statusOfCall,
} from '../helpers/calls-authoring-setup'
import { createOrganisation, createUser } from '../helpers/factories'
import { auditActions } from '../helpers/inspect'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany } from '../helpers/test-bed-factories'

// The buyer's authoring through the app: drafts, publication, documents and the dashboard. The
// raw-SQL attacks on the same rules are in call-rules-*.test.ts.
// This file: creating a draft, editing and publishing.

afterEach(resetClock)

describe('creating a draft', () => {
  test('a member of a public body saves a draft with its rows in one go', async () => {
    const buyer = await createBuyer(db)
    const cookie = await cookieFor(buyer.user.id)
    const result = await postNew(buyer, draftFields(), cookie)
    expect(statusOf(result)).toBe(302)
    const id = idFrom(headerOf(result, 'Location'))
    const call = await db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst()
    expect(call).toMatchObject({
      status: 'draft',
      procedure: 'innovation_partnership',
      estimated_value_sek: 2_000_000,
      functional_requirements: 1,
      novel_to_market: 0,
    })
    const terms = await getCallTerms(db, id)
    expect(terms.requirements.map((r) => r.title)).toEqual(['Uppfyller GDPR'])
    expect(terms.criteria.map((c) => [c.title, c.weight])).toEqual([
      ['Nytta för brukaren', 60],
      ['Pris', 40],
    ])
    expect(terms.themes.map((t) => t.code)).toEqual(['welfare_technology'])
    expect(terms.cpv.map((c) => c.code)).toEqual(['72000000'])
    expect(await auditActions(db, 'call', id)).toEqual(['call.created'])
  })

  test('weights that do not sum to 100 are a field error, and nothing is saved', async () => {
    const buyer = await createBuyer(db)
    const cookie = await cookieFor(buyer.user.id)
    const result = await postNew(buyer, draftFields({ 'criteria[1].weight': '30' }), cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error?.criteria).toEqual(['callEdit.error.weightsSum|{"sum":90}'])
    expect(await callCount(buyer.org.id)).toBe(0)
  })

  test('a market dialogue has no value and no weighted criteria', async () => {
    const buyer = await createBuyer(db)
    const cookie = await cookieFor(buyer.user.id)
    const refused = await postNew(buyer, draftFields({ procedure: 'market_dialogue' }), cookie)
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error?.criteria).toEqual(['callEdit.error.dialogueCriteria'])
    const fields = draftFields({ procedure: 'market_dialogue', 'criteria[0].weight': '' })
    const ok = await postNew(
      buyer,
      Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith('criteria'))),
      cookie,
    )
    expect(statusOf(ok)).toBe(302)
    const call = await db
      .selectFrom('calls')
      .select(['estimated_value_sek', 'max_winners'])
      .where('id', '=', idFrom(headerOf(ok, 'Location')))
      .executeTakeFirstOrThrow()
    expect(call).toEqual({ estimated_value_sek: null, max_winners: 1 })
  })

  test('a PCP needs at least two winners; questions close 6 days before the deadline', async () => {
    const buyer = await createBuyer(db)
    const cookie = await cookieFor(buyer.user.id)
    const result = await postNew(
      buyer,
      draftFields({
        procedure: 'pcp',
        max_winners: '1',
        question_deadline: toStockholmDateTimeInput(now() + 36 * DAY),
      }),
      cookie,
    )
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toMatchObject({
      max_winners: ['callEdit.error.pcpWinners'],
      question_deadline: ['callEdit.error.questionDeadline'],
    })
    expect(await callCount(buyer.org.id)).toBe(0)
  })

  test('an unknown CPV code is a field error', async () => {
    const buyer = await createBuyer(db)
    const cookie = await cookieFor(buyer.user.id)
    const result = await postNew(buyer, draftFields({ cpv_codes: '72000000 99999999' }), cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error?.cpv_codes?.[0]).toMatch(
      /^cpv\.error_unknown_codes\|.*99999999/,
    )
    expect(await callCount(buyer.org.id)).toBe(0)
  })

  test('a company or an outsider cannot create a call (404)', async () => {
    const company = await createCompany(db)
    const cookie = await cookieFor(company.user.id)
    const result = await postNew(company as Buyer, draftFields(), cookie)
    expect(statusOf(result)).toBe(404)
    const buyer = await createBuyer(db)
    const stranger = await createUser(db)
    expect(statusOf(await postNew(buyer, draftFields(), await cookieFor(stranger.id)))).toBe(404)
    expect(await callCount(buyer.org.id)).toBe(0)
  })
})

describe('editing and publishing', () => {
  async function draft(buyer: Buyer, fields = draftFields()) {
    const cookie = await cookieFor(buyer.user.id)
    const id = idFrom(headerOf(await postNew(buyer, fields, cookie), 'Location'))
    return { id, cookie }
  }

  test('saving replaces the rows and is audited', async () => {
    const buyer = await createBuyer(db)
    const { id, cookie } = await draft(buyer)
    const result = await postEdit(
      id,
      draftFields({
        intent: 'save',
        title: 'Nattillsyn utan att väcka',
        'criteria[0].weight': '100',
        'criteria[1].title': '',
        'criteria[1].weight': '',
      }),
      cookie,
    )
    expect(headerOf(result, 'Location')).toBe(`/calls/${id}/edit?notice=saved`)
    const terms = await getCallTerms(db, id)
    expect(terms.criteria.map((c) => [c.title, c.weight])).toEqual([['Nytta för brukaren', 100]])
    expect(await auditActions(db, 'call', id)).toEqual(['call.created', 'call.updated'])
  })

  test('publishing sets published_at now and is audited', async () => {
    const buyer = await createBuyer(db)
    const { id, cookie } = await draft(buyer)
    const result = await postEdit(id, { intent: 'publish' }, cookie)
    expect(headerOf(result, 'Location')).toBe(`/calls/${id}/edit?notice=published`)
    const call = await statusOfCall(id)
    expect(call.status).toBe('published')
    expect(Math.abs((call.published_at ?? 0) - now())).toBeLessThanOrEqual(2)
    expect(await auditActions(db, 'call', id)).toEqual(['call.created', 'call.published'])
    // A published call is no longer saved as a draft.
    const save = await postEdit(id, draftFields({ intent: 'save', title: 'Något annat' }), cookie)
    expect(statusOf(save)).toBe(400)
    expect(dataOf(save).problem).toBe('errors.domain.terms_frozen')
  })

  test('publishing too early is refused with the rule, and the call stays a draft', async () => {
    const buyer = await createBuyer(db)
    const { id, cookie } = await draft(
      buyer,
      draftFields({
        question_deadline: toStockholmDateTimeInput(now() + 5 * DAY),
        tender_deadline: toStockholmDateTimeInput(now() + 20 * DAY),
      }),
    )
    const result = await postEdit(id, { intent: 'publish' }, cookie)
    expect(statusOf(result)).toBe(400)
    expect(dataOf(result).problem).toBe('errors.domain.period_too_short')
    expect((await statusOfCall(id)).status).toBe('draft')
  })

  test('publishing with weights that do not sum to 100 is refused', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, {
      status: 'draft',
      criteria: [
        { kind: 'criterion', title: 'Nytta', weight: 60 },
        { kind: 'criterion', title: 'Pris', weight: 30 },
      ],
    })
    const result = await postEdit(call.id, { intent: 'publish' }, await cookieFor(buyer.user.id))
    expect(statusOf(result)).toBe(400)
    expect(dataOf(result).problem).toBe('errors.domain.weights_not_100')
    expect((await statusOfCall(call.id)).status).toBe('draft')
  })

  test('a call that builds on a dialogue needs the disclosure and the named respondents', async () => {
    const buyer = await createBuyer(db)
    const { call: dialogue } = await createCall(db, buyer, {
      procedure: 'market_dialogue',
      tenderDeadlineIn: 15 * DAY,
      questionDeadlineIn: 5 * DAY,
    })
    const company = await createCompany(db)
    const at = now()
    const { sealBid } = await import('~/models/bid-seal.server')
    const bid = await db
      .insertInto('bids')
      .values({
        call_id: dialogue.id,
        company_id: company.org.id,
        sealed: sealBid({ answer: 'x' }, { callId: dialogue.id, companyId: company.org.id }),
        content_hash: 'c'.repeat(64),
        created_by: company.user.id,
        created_at: at,
        updated_by: company.user.id,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .updateTable('bids')
      .set({
        status: 'submitted',
        submitted_at: at,
        submitted_by: company.user.id,
        receipt_hash: 'r'.repeat(64),
      })
      .where('id', '=', bid.id)
      .execute()

    const { id, cookie } = await draft(
      buyer,
      draftFields({ dialogue_links: [String(dialogue.id)] }),
    )
    // The respondent is offered on the form to be named.
    const page = dataOf(await editPage(id, cookie))
    expect(page.options.companies).toEqual([{ id: company.org.id, name: company.org.name }])
    const unnamed = await postEdit(id, { intent: 'publish' }, cookie)
    expect(statusOf(unnamed)).toBe(400)
    expect(dataOf(unnamed).problem).toBe('errors.domain.involved_not_named')

    const named = {
      intent: 'save',
      dialogue_links: [String(dialogue.id)],
      'involved[0].organisation_id': String(company.org.id),
      'involved[0].involvement': 'Svarade på marknadsdialogen.',
    }
    expect(statusOf(await postEdit(id, draftFields(named), cookie))).toBe(302)
    const missing = await postEdit(id, { intent: 'publish' }, cookie)
    expect(statusOf(missing)).toBe(400)
    expect(dataOf(missing).problem).toBe('errors.domain.disclosure_required')
    expect((await statusOfCall(id)).status).toBe('draft')

    const disclosure = 'Dialogen visade att sensorer utan kamera räcker för de flesta brukare.'
    const saved = await postEdit(
      id,
      draftFields({ ...named, prior_involvement: disclosure }),
      cookie,
    )
    expect(statusOf(saved)).toBe(302)
    expect(statusOf(await postEdit(id, { intent: 'publish' }, cookie))).toBe(302)
    const terms = await getCallTerms(db, id)
    expect(terms.dialogues.map((d) => d.id)).toEqual([dialogue.id])
    expect(terms.involved).toMatchObject([
      { id: company.org.id, involvement: 'Svarade på marknadsdialogen.' },
    ])
  })

  test('an unverified public body may draft but not publish', async () => {
    const user = await createUser(db)
    const org = await createOrganisation(db, { kind: 'public_body', adminUserId: user.id })
    const cookie = await cookieFor(user.id)
    const created = await postNew({ org, user } as Buyer, draftFields(), cookie)
    const id = idFrom(headerOf(created, 'Location'))
    const result = await postEdit(id, { intent: 'publish' }, cookie)
    expect(statusOf(result)).toBe(400)
    expect(dataOf(result).problem).toBe('errors.domain.buyer_not_verified')
    expect((await statusOfCall(id)).status).toBe('draft')
  })

  test("another organisation's call is not found, and stays as it was", async () => {
    const buyer = await createBuyer(db)
    const other = await createBuyer(db)
    const { call } = await createCall(db, buyer, { status: 'draft' })
    const cookie = await cookieFor(other.user.id)
    expect(statusOf(await editPage(call.id, cookie))).toBe(404)
    expect(statusOf(await postEdit(call.id, { intent: 'publish' }, cookie))).toBe(404)
    expect(statusOf(await postEdit(call.id, { intent: 'delete' }, cookie))).toBe(404)
    expect(statusOf(await editPage('abc', cookie))).toBe(404)
    expect((await statusOfCall(call.id)).status).toBe('draft')
  })

  test('a draft is deleted after the confirm step; a published call cannot be', async () => {
    const buyer = await createBuyer(db)
    const { id, cookie } = await draft(buyer)
    expect(dataOf(await editPage(id, cookie)).confirmDelete).toBe(false)
    const result = await postEdit(id, { intent: 'delete' }, cookie)
    expect(headerOf(result, 'Location')).toBe(
      `/organisations/${buyer.org.slug}/calls?notice=deleted`,
    )
    expect(await callCount(buyer.org.id)).toBe(0)
    // (The overlap step may have recorded a choice too: similar calls of other buyers exist here.)
    const actions = await auditActions(db, 'call', id)
    expect(actions.filter((a) => a !== 'call.overlap_checked')).toEqual([
      'call.created',
      'call.deleted',
    ])

    const { call } = await createCall(db, buyer)
    const refused = await postEdit(call.id, { intent: 'delete' }, cookie)
    expect(statusOf(refused)).toBe(400)
    expect(dataOf(refused).problem).toBe('errors.domain.call_not_draft')
  })
})

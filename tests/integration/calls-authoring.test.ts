import { afterEach, describe, expect, test } from 'vitest'
import { listCallDocuments } from '~/models/call-documents.server'
import { getCallTerms } from '~/models/calls.server'
import { loader as downloadLoader } from '~/routes/calls.$callId.documents.$documentId/route'
import { action as editAction, loader as editLoader } from '~/routes/calls.$callId.edit/route'
import { loader as dashboardLoader } from '~/routes/organisations.$slug.calls._index/route'
import { action as newAction } from '~/routes/organisations.$slug.calls.new/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { advanceClock, createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import { createOrganisation, createUser, sessionCookieFor } from '../helpers/factories'
import { auditActions } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany } from '../helpers/test-bed-factories'

// The buyer's authoring through the app: drafts, publication, documents and the dashboard. The
// raw-SQL attacks on the same rules are in call-rules.test.ts.

const db = getDb()
afterEach(resetClock)

type Buyer = Awaited<ReturnType<typeof createBuyer>>

function draftFields(overrides: Record<string, string | string[]> = {}) {
  return {
    procedure: 'innovation_partnership',
    title: 'Trygg nattillsyn i hemtjänsten',
    summary: 'Ett innovationspartnerskap för tryggare nätter i hemmet.',
    need: 'Nattpersonalen ska veta att brukaren mår bra utan att väcka hen.',
    functional_requirements: 'on',
    estimated_value_sek: '2 000 000',
    max_winners: '1',
    county_code: '25',
    themes: ['welfare_technology'],
    cpv_codes: '72000000',
    question_deadline: toStockholmDateTimeInput(now() + 20 * DAY),
    tender_deadline: toStockholmDateTimeInput(now() + 40 * DAY),
    standstill_days: '10',
    'requirements[0].title': 'Uppfyller GDPR',
    'criteria[0].title': 'Nytta för brukaren',
    'criteria[0].weight': '60',
    'criteria[1].title': 'Pris',
    'criteria[1].weight': '40',
    ...overrides,
  }
}

async function cookieFor(userId: number) {
  return sessionCookieFor(db, userId)
}

async function postNew(buyer: Buyer, fields: Record<string, string | string[]>, cookie?: string) {
  const slug = buyer.org.slug
  return run(() =>
    newAction(
      actionArgs(formRequest(`/organisations/${slug}/calls/new`, fields, { cookie }), { slug }),
    ),
  )
}

function postEdit(callId: number, fields: Record<string, string | string[]>, cookie?: string) {
  return run(() =>
    editAction(
      actionArgs(formRequest(`/calls/${callId}/edit`, fields, { cookie }), {
        callId: String(callId),
      }),
    ),
  )
}

function editPage(callId: number | string, cookie?: string) {
  return run(() =>
    editLoader(
      loaderArgs(getRequest(`/calls/${callId}/edit`, { cookie }), { callId: String(callId) }),
    ),
  )
}

function idFrom(location: string | null): number {
  const match = /^\/calls\/(\d+)\/edit\?notice=created$/.exec(location ?? '')
  if (!match?.[1]) throw new Error(`Unexpected redirect: ${location}`)
  return Number(match[1])
}

async function callCount(organisationId: number) {
  const row = await db
    .selectFrom('calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function statusOfCall(callId: number) {
  const row = await db
    .selectFrom('calls')
    .select(['status', 'published_at'])
    .where('id', '=', callId)
    .executeTakeFirstOrThrow()
  return row
}

function uploadRequest(callId: number, title: string, file: File | null, cookie: string) {
  const body = new FormData()
  body.append('intent', 'upload')
  body.append('title', title)
  body.append('file', file ?? new File([], ''))
  return new Request(`http://localhost:3000/calls/${callId}/edit`, {
    method: 'POST',
    body,
    headers: { Origin: 'http://localhost:3000', Cookie: cookie },
  })
}

function upload(callId: number, title: string, file: File | null, cookie: string) {
  return run(() =>
    editAction(actionArgs(uploadRequest(callId, title, file, cookie), { callId: String(callId) })),
  )
}

function download(callId: number, documentId: number, cookie?: string) {
  return run(() =>
    downloadLoader(
      loaderArgs(getRequest(`/calls/${callId}/documents/${documentId}`, { cookie }), {
        callId: String(callId),
        documentId: String(documentId),
      }),
    ),
  )
}

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
    expect(await auditActions(db, 'call', id)).toEqual(['call.created', 'call.deleted'])

    const { call } = await createCall(db, buyer)
    const refused = await postEdit(call.id, { intent: 'delete' }, cookie)
    expect(statusOf(refused)).toBe(400)
    expect(dataOf(refused).problem).toBe('errors.domain.call_not_draft')
  })
})

describe('documents', () => {
  const text = () => new File(['Förfrågningsunderlag\nKrav och villkor.\n'], 'Underlag åäö.txt')

  test('upload, private while a draft, public once published; downloads are remembered', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, { status: 'draft' })
    const cookie = await cookieFor(buyer.user.id)

    const missing = await upload(call.id, 'Underlag', null, cookie)
    expect(statusOf(missing)).toBe(400)
    expect(dataOf(missing).upload.error).toMatchObject({ file: ['callEdit.error.fileRequired'] })
    const bad = await upload(call.id, 'Skript', new File(['<html><script>'], 'x.txt'), cookie)
    expect(dataOf(bad).upload.error).toMatchObject({ file: ['errors.domain.document_type'] })

    const ok = await upload(call.id, 'Förfrågningsunderlag', text(), cookie)
    expect(headerOf(ok, 'Location')).toBe(`/calls/${call.id}/edit?notice=uploaded`)
    const [doc] = await listCallDocuments(db, call.id)
    expect(doc).toMatchObject({
      title: 'Förfrågningsunderlag',
      extension: 'txt',
      superseded: false,
    })
    const docId = doc?.id ?? 0

    // A draft's document: its buyer only.
    const company = await createCompany(db)
    const companyCookie = await cookieFor(company.user.id)
    expect(statusOf(await download(call.id, docId))).toBe(404)
    expect(statusOf(await download(call.id, docId, companyCookie))).toBe(404)
    expect(statusOf(await download(call.id, docId, cookie))).toBe(200)

    await db
      .updateTable('calls')
      .set({ status: 'published', published_at: now() })
      .where('id', '=', call.id)
      .execute()
    const anonymous = await download(call.id, docId)
    expect(anonymous).toBeInstanceOf(Response)
    const response = anonymous as Response
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Content-Disposition')).toContain(
      "filename*=UTF-8''Underlag%20%C3%A5%C3%A4%C3%B6.txt",
    )
    expect(await response.text()).toContain('Förfrågningsunderlag')
    // Another call's id with this document is not found.
    const { call: other } = await createCall(db, buyer)
    expect(statusOf(await download(other.id, docId))).toBe(404)

    await download(call.id, docId, companyCookie)
    await download(call.id, docId, companyCookie)
    const downloads = await db
      .selectFrom('call_downloads')
      .select('user_id')
      .where('call_id', '=', call.id)
      .execute()
    expect(downloads).toEqual([{ user_id: company.user.id }])
  })

  test('a draft document can be removed; a published call keeps its documents', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, { status: 'draft' })
    const cookie = await cookieFor(buyer.user.id)
    await upload(call.id, 'Underlag', text(), cookie)
    const [doc] = await listCallDocuments(db, call.id)
    const removed = await postEdit(
      call.id,
      { intent: 'remove_document', document_id: String(doc?.id) },
      cookie,
    )
    expect(headerOf(removed, 'Location')).toBe(`/calls/${call.id}/edit?notice=removed`)
    expect(await listCallDocuments(db, call.id)).toEqual([])
    expect(await auditActions(db, 'call', call.id)).toEqual([
      'call.document_added',
      'call.document_removed',
    ])

    await upload(call.id, 'Underlag', text(), cookie)
    const [kept] = await listCallDocuments(db, call.id)
    await db
      .updateTable('calls')
      .set({ status: 'published', published_at: now() })
      .where('id', '=', call.id)
      .execute()
    const refused = await postEdit(
      call.id,
      { intent: 'remove_document', document_id: String(kept?.id) },
      cookie,
    )
    expect(statusOf(refused)).toBe(400)
    expect(dataOf(refused).problem).toBe('errors.domain.terms_frozen')
    const late = await upload(call.id, 'Sent', text(), cookie)
    expect(dataOf(late).upload.error).toMatchObject({ file: ['errors.domain.terms_frozen'] })
    expect(await listCallDocuments(db, call.id)).toHaveLength(1)
  })
})

describe('the buyer dashboard', () => {
  test('lists the calls with their shown status and asks for outcomes of closed calls', async () => {
    const buyer = await createBuyer(db)
    const { call: draftCall } = await createCall(db, buyer, { status: 'draft', title: 'Utkastet' })
    const { call: open } = await createCall(db, buyer, { title: 'Den öppna' })
    const { call: closing } = await createCall(db, buyer, {
      title: 'Den som stänger',
      tenderDeadlineIn: 31 * DAY,
      questionDeadlineIn: 10 * DAY,
    })
    advanceClock(35 * DAY)
    const cookie = await cookieFor(buyer.user.id)
    const slug = buyer.org.slug
    const page = dataOf(
      await run(() =>
        dashboardLoader(
          loaderArgs(getRequest(`/organisations/${slug}/calls`, { cookie }), { slug }),
        ),
      ),
    )
    const shown = Object.fromEntries(
      page.calls.map((c: { id: number; shown: string; needsOutcome: boolean }) => [
        c.id,
        [c.shown, c.needsOutcome],
      ]),
    )
    expect(shown).toEqual({
      [draftCall.id]: ['draft', false],
      [open.id]: ['open', false],
      [closing.id]: ['closed', true],
    })

    const stranger = await createUser(db)
    const strangerCookie = await cookieFor(stranger.id)
    const other = await run(() =>
      dashboardLoader(
        loaderArgs(getRequest(`/organisations/${slug}/calls`, { cookie: strangerCookie }), {
          slug,
        }),
      ),
    )
    expect(statusOf(other)).toBe(404)
  })
})

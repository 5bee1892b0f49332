import { afterEach, describe, expect, test } from 'vitest'
import { listCallDocuments } from '~/models/call-documents.server'
import { loader as dashboardLoader } from '~/routes/organisations.$slug.calls._index/route'
import { now } from '~/utils/clock.server'
import { advanceClock, createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import { cookieFor, db, download, postEdit, upload } from '../helpers/calls-authoring-setup'
import { createUser } from '../helpers/factories'
import { auditActions } from '../helpers/inspect'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, headerOf, statusOf } from '../helpers/responses'
import { createCompany } from '../helpers/test-bed-factories'

// The buyer's authoring through the app: drafts, publication, documents and the dashboard. The
// raw-SQL attacks on the same rules are in call-rules-*.test.ts.
// This file: documents and the buyer dashboard.

afterEach(resetClock)

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

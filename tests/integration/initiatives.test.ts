import { describe, expect, test } from 'vitest'
import { getInitiative } from '~/models/initiative-reads.server'
import { createInitiative } from '~/models/initiatives.server'
import {
  action as pageAction,
  loader as pageLoader,
} from '~/routes/initiatives.$initiativeId._index/route'
import {
  action as editAction,
  loader as editLoader,
} from '~/routes/initiatives.$initiativeId.edit/route'
import { loader as listLoader } from '~/routes/initiatives._index/route'
import { action as linkAction } from '~/routes/initiatives.link/route'
import { loader as orgListLoader } from '~/routes/organisations.$slug.initiatives._index/route'
import {
  action as newAction,
  loader as newLoader,
} from '~/routes/organisations.$slug.initiatives.new/route'
import { getDb } from '~/utils/db.server'
import { createCall } from '../helpers/call-factories'
import { sessionCookieFor } from '../helpers/factories'
import { INPUT } from '../helpers/initiative-factories'
import { auditActions } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany, createHost, createOffer } from '../helpers/test-bed-factories'

// The initiatives register through the app, per role: a visitor, a company member, a member of
// the owner and a member of another verified public body. The raw-SQL attacks on the same rules
// are in initiative-rules.test.ts.

const db = getDb()
type Party = Awaited<ReturnType<typeof createHost>>

const fields = (overrides: Record<string, string | string[]> = {}) => ({
  kind: 'planned_call',
  title: 'Digital tillsyn i ordinärt boende',
  summary: 'En planerad innovationsupphandling av digital tillsyn.',
  description: 'Vi vill köpa det som fungerar.',
  starts_on: '2027-03-01',
  ends_on: '2027-12-31',
  budget_band: '5m_20m',
  contact_role: 'Upphandlingsansvarig',
  contact_email: 'upphandling@example.test',
  themes: ['welfare_technology'],
  cpv_codes: '48180000',
  size_classes: ['small', 'medium'],
  sectors: ['Q'],
  counties: ['25'],
  municipalities: ['2580'],
  ...overrides,
})

async function initiativeOf(owner: Party) {
  return createInitiative(db, {
    organisation: { id: owner.org.id, kind: 'public_body', verification_status: 'verified' },
    userId: owner.user.id,
    input: INPUT,
  })
}

const cookie = (userId: number) => sessionCookieFor(db, userId)
const params = (id: number) => ({ initiativeId: String(id) })

function page(id: number, cookieHeader?: string) {
  return run(() =>
    pageLoader(loaderArgs(getRequest(`/initiatives/${id}`, { cookie: cookieHeader }), params(id))),
  )
}
function post(id: number, body: Record<string, string>, cookieHeader: string) {
  return run(() =>
    pageAction(
      actionArgs(formRequest(`/initiatives/${id}`, body, { cookie: cookieHeader }), params(id)),
    ),
  )
}

describe('a member of the owner', () => {
  test('creates an initiative; bad input is 400 with messages next to the fields and values kept', async () => {
    const host = await createHost(db)
    const c = await cookie(host.user.id)
    const slug = host.org.slug
    expect(
      statusOf(
        await run(() =>
          newLoader(
            loaderArgs(getRequest(`/organisations/${slug}/initiatives/new`, { cookie: c }), {
              slug,
            }),
          ),
        ),
      ),
    ).toBe(200)
    const bad = await run(() =>
      newAction(
        actionArgs(
          formRequest(
            `/organisations/${slug}/initiatives/new`,
            fields({ summary: 'kort', contact_email: 'inte-en-adress', ends_on: '2026-01-01' }),
            { cookie: c },
          ),
          { slug },
        ),
      ),
    )
    expect(statusOf(bad)).toBe(400)
    const result = formResult(bad)
    expect(Object.keys(result.error ?? {}).sort()).toEqual(['contact_email', 'ends_on', 'summary'])
    expect(result.initialValue?.title).toBe('Digital tillsyn i ordinärt boende')
    const unknownCpv = await run(() =>
      newAction(
        actionArgs(
          formRequest(`/organisations/${slug}/initiatives/new`, fields({ cpv_codes: '99999999' }), {
            cookie: c,
          }),
          { slug },
        ),
      ),
    )
    expect(statusOf(unknownCpv)).toBe(400)
    expect(formResult(unknownCpv).error?.cpv_codes).toBeTruthy()

    const ok = await run(() =>
      newAction(
        actionArgs(formRequest(`/organisations/${slug}/initiatives/new`, fields(), { cookie: c }), {
          slug,
        }),
      ),
    )
    expect(statusOf(ok)).toBe(302)
    const id = Number(/\/initiatives\/(\d+)/.exec(headerOf(ok, 'Location')!)![1])
    const shown = dataOf(await page(id, c))
    expect(shown.page.viewer.isEditor).toBe(true)
    expect(shown.page.initiative.status).toBe('idea')
    expect(shown.page.cpv.map((x: { code: string }) => x.code)).toEqual(['48180000'])
    expect(shown.page.municipalities.map((x: { name: string }) => x.name)).toEqual(['Luleå kommun'])
    expect(await auditActions(db, 'initiative', id)).toEqual(['initiative.created'])

    // Publish it as planned; the status cannot go back.
    expect(statusOf(await post(id, { intent: 'status', status: 'planned' }, c))).toBe(302)
    const back = await post(id, { intent: 'status', status: 'idea' }, c)
    expect(statusOf(back)).toBe(400)
    expect(dataOf(back).error).toBe('errors.domain.initiative_status_backwards')

    // Edit: values come back in the form; bad input keeps them.
    const edit = dataOf(
      await run(() =>
        editLoader(loaderArgs(getRequest(`/initiatives/${id}/edit`, { cookie: c }), params(id))),
      ),
    )
    expect(edit.initiative.defaults.cpv_codes).toBe('48180000')
    const badEdit = await run(() =>
      editAction(
        actionArgs(
          formRequest(`/initiatives/${id}/edit`, fields({ title: '' }), { cookie: c }),
          params(id),
        ),
      ),
    )
    expect(statusOf(badEdit)).toBe(400)
    expect(formResult(badEdit).initialValue?.summary).toBe(fields().summary)
    const saved = await run(() =>
      editAction(
        actionArgs(
          formRequest(`/initiatives/${id}/edit`, fields({ title: 'Nytt namn' }), { cookie: c }),
          params(id),
        ),
      ),
    )
    expect(headerOf(saved, 'Location')).toBe(`/initiatives/${id}?notice=saved`)
    expect(
      dataOf(await orgList(host, c)).initiatives.map((i: { title: string }) => i.title),
    ).toEqual(['Nytt namn'])
  })

  test('links its own test bed; another body’s initiative is refused with 400', async () => {
    const host = await createHost(db)
    const other = await createHost(db)
    const mine = await initiativeOf(host)
    const theirs = await initiativeOf(other)
    const offer = await createOffer(db, host)
    const c = await cookie(host.user.id)
    const link = (initiativeId: number) =>
      run(() =>
        linkAction(
          actionArgs(
            formRequest(
              '/initiatives/link',
              { kind: 'offer', id: String(offer.id), initiative_id: String(initiativeId) },
              { cookie: c },
            ),
          ),
        ),
      )
    expect(headerOf(await link(mine.id), 'Location')).toMatch(
      `/test-beds/${offer.id}/edit?initiative=saved`,
    )
    const refused = await link(theirs.id)
    expect(statusOf(refused)).toBe(400)
    expect(dataOf(refused).error).toBe('errors.domain.initiative_link_not_owner')
    const shown = dataOf(await page(mine.id))
    expect(shown.page.offers.map((o: { id: number }) => o.id)).toEqual([offer.id])
  })
})

function orgList(party: { org: { slug: string } }, c?: string) {
  const slug = party.org.slug
  return run(() =>
    orgListLoader(
      loaderArgs(getRequest(`/organisations/${slug}/initiatives`, { cookie: c }), { slug }),
    ),
  )
}

describe('a visitor and a company member', () => {
  test('read the register but never write; draft links stay private', async () => {
    const host = await createHost(db)
    const { id } = await initiativeOf(host)
    const { call: draftCall } = await createCall(db, host, { status: 'draft' })
    await db
      .updateTable('calls')
      .set({ initiative_id: id, updated_by: host.user.id })
      .where('id', '=', draftCall.id)
      .execute()
    const visitor = dataOf(await page(id))
    expect(visitor.page.viewer).toEqual({ isOwnerMember: false, isEditor: false, canAskFor: [] })
    expect(visitor.page.calls).toEqual([])
    expect(dataOf(await page(id, await cookie(host.user.id))).page.calls).toHaveLength(1)
    const list = dataOf(await run(() => listLoader(loaderArgs(getRequest('/initiatives')))))
    expect(list.result.items.some((i: { id: number }) => i.id === id)).toBe(true)
    expect(statusOf(await page(999999))).toBe(404)

    const company = await createCompany(db)
    const cc = await cookie(company.user.id)
    expect(dataOf(await page(id, cc)).page.viewer.canAskFor).toEqual([])
    expect(statusOf(await orgList(company, cc))).toBe(404)
    const slug = company.org.slug
    expect(
      statusOf(
        await run(() =>
          newLoader(
            loaderArgs(getRequest(`/organisations/${slug}/initiatives/new`, { cookie: cc }), {
              slug,
            }),
          ),
        ),
      ),
    ).toBe(404)
    expect(
      statusOf(
        await run(() =>
          editLoader(loaderArgs(getRequest(`/initiatives/${id}/edit`, { cookie: cc }), params(id))),
        ),
      ),
    ).toBe(404)
    // Another organisation's list is not found, too.
    expect(statusOf(await orgList(host, cc))).toBe(404)
    // A company cannot ask to co-own (its organisation is not offered, and a forged post is refused).
    const forged = await post(
      id,
      { intent: 'request', organisation_id: String(company.org.id) },
      cc,
    )
    expect(statusOf(forged)).toBe(400)
    expect(dataOf(forged).error).toBe('errors.domain.initiative_owner_not_verified')
    const status = await post(id, { intent: 'status', status: 'planned' }, cc)
    expect(statusOf(status)).toBe(404)
  })
})

describe('a member of another verified body', () => {
  test('asks to co-own; the owner accepts and the register shows both owners', async () => {
    const host = await createHost(db)
    const other = await createHost(db)
    const { id } = await initiativeOf(host)
    const oc = await cookie(other.user.id)
    const before = dataOf(await page(id, oc))
    expect(before.page.viewer.canAskFor.map((o: { id: number }) => o.id)).toEqual([other.org.id])
    expect(
      statusOf(await post(id, { intent: 'request', organisation_id: String(other.org.id) }, oc)),
    ).toBe(302)
    // It cannot accept its own request.
    expect(
      statusOf(await post(id, { intent: 'accept', organisation_id: String(other.org.id) }, oc)),
    ).toBe(404)
    const hc = await cookie(host.user.id)
    const noReason = await post(
      id,
      { intent: 'decline', organisation_id: String(other.org.id), reason: '' },
      hc,
    )
    expect(statusOf(noReason)).toBe(400)
    expect(
      statusOf(await post(id, { intent: 'accept', organisation_id: String(other.org.id) }, hc)),
    ).toBe(302)
    const shown = await getInitiative(db, id, null, 'sv')
    expect(shown.owners.map((o) => o.id)).toEqual([host.org.id, other.org.id])
    const list = dataOf(await run(() => listLoader(loaderArgs(getRequest('/initiatives')))))
    const item = list.result.items.find((i: { id: number }) => i.id === id)
    expect(item.owners.map((o: { name: string }) => o.name)).toEqual([
      host.org.name,
      other.org.name,
    ])
    // The co-owner's members edit now, and the initiative is on its list.
    expect(dataOf(await page(id, oc)).page.viewer.isEditor).toBe(true)
    expect(dataOf(await orgList(other, oc)).initiatives.map((i: { id: number }) => i.id)).toEqual([
      id,
    ])
  })
})

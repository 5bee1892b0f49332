import { describe, expect, test } from 'vitest'
import { loader as pageLoader } from '~/routes/test-beds.$offerId._index/route'
import { action as newAction } from '~/routes/organisations.$slug.test-beds.new/route'
import { getDb } from '~/utils/db.server'
import { sessionCookieFor } from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createHost, createOffer } from '../helpers/test-bed-factories'
import { type Fields, offerFields, offerIdFrom } from '../helpers/test-bed-offers-setup'

// The new-offer form's overlap step through the app (decision record 030, revision): the first
// submit shows the similar published offers with every value kept; the second needs a choice (and
// for "continue" a reason; "join" is for initiatives only), records it and saves the draft; the
// offer pages show the link to whom they may. The model and raw-SQL attacks: offer-overlap.test.ts.

const db = getDb()
type Party = Awaited<ReturnType<typeof createHost>>

const fields = (overrides: Fields = {}) =>
  offerFields({
    title: 'Testbädd för isbanerobotar',
    summary: 'Prova isbanerobotar som spolar kommunens konstfrusna isbanor nattetid.',
    themes: ['public_safety'],
    ...overrides,
  })

async function post(party: Party, body: Fields) {
  const slug = party.org.slug
  const cookie = await sessionCookieFor(db, party.user.id)
  return run(() =>
    newAction(
      actionArgs(formRequest(`/organisations/${slug}/test-beds/new`, body, { cookie }), { slug }),
    ),
  )
}

async function page(id: number, party?: Party) {
  const cookie = party ? await sessionCookieFor(db, party.user.id) : undefined
  return dataOf(
    await run(() =>
      pageLoader(loaderArgs(getRequest(`/test-beds/${id}`, { cookie }), { offerId: String(id) })),
    ),
  )
}

describe('the overlap step of the new-offer form', () => {
  test('shows the similar published offers, needs a choice and a reason, then links', async () => {
    const them = await createHost(db)
    const us = await createHost(db)
    const theirs = await createOffer(db, them, {
      title: 'Isbanerobotar på konstfrusna isbanor',
      summary: 'Prova isbanerobotar som spolar isbanor i kommunen.',
      themes: ['public_safety'],
    })

    const first = await post(us, fields())
    expect(statusOf(first)).toBe(200)
    const shown = dataOf(first).overlap as { id: number }[]
    expect(shown.map((c) => c.id)).toContain(theirs.id)
    expect(formResult(first).initialValue?.title).toBe(fields().title)
    const ids = shown.map((c) => c.id).join(',')

    const none = await post(us, fields({ overlap_shown: ids }))
    expect(statusOf(none)).toBe(400)
    expect(formResult(none).error?.overlap_choice).toEqual(['overlap.error.choose'])
    expect(dataOf(none).overlap.map((c: { id: number }) => c.id)).toContain(theirs.id)

    const join = await post(us, fields({ overlap_shown: ids, overlap_choice: `join:${theirs.id}` }))
    expect(statusOf(join)).toBe(400)
    expect(formResult(join).error?.overlap_choice).toEqual([
      'errors.domain.overlap_candidate_invalid',
    ])

    const noReason = await post(
      us,
      fields({ overlap_shown: ids, overlap_choice: 'continue', overlap_reason: 'nej' }),
    )
    expect(statusOf(noReason)).toBe(400)
    expect(formResult(noReason).error?.overlap_reason).toEqual([
      'errors.domain.overlap_reason_required',
    ])

    const saved = await post(
      us,
      fields({ overlap_shown: ids, overlap_choice: `related:${theirs.id}` }),
    )
    expect(statusOf(saved)).toBe(302)
    const id = offerIdFrom(headerOf(saved, 'Location'))
    expect((await page(id, us)).related.map((r: { id: number }) => r.id)).toEqual([theirs.id])
    // Our draft is private: their public page shows it to us only.
    expect((await page(theirs.id, us)).related.map((r: { id: number }) => r.id)).toEqual([id])
    expect((await page(theirs.id)).related).toEqual([])
    expect((await page(theirs.id, them)).related).toEqual([])
  })

  test('no similar published offer: saved at once', async () => {
    const us = await createHost(db)
    const result = await post(
      us,
      fields({
        title: 'Unika snöskulpturverktyg',
        summary: 'En helt egen testbädd för snöskulpturverktyg till vinterfesten.',
        themes: ['space_arctic'],
        county_code: '01',
        municipality_code: '',
      }),
    )
    expect(statusOf(result)).toBe(302)
  })
})

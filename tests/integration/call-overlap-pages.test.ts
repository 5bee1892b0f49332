import { describe, expect, test } from 'vitest'
import { loader as pageLoader } from '~/routes/calls.$callId._index/route'
import { action as newAction } from '~/routes/organisations.$slug.calls.new/route'
import { createCall } from '../helpers/call-factories'
import { cookieFor, db, draftFields, idFrom } from '../helpers/calls-authoring-setup'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createHost } from '../helpers/test-bed-factories'

// The new-call form's overlap step through the app (decision record 030, revision): the first
// submit shows the similar published calls with every value kept; the second needs a choice (and
// for "continue" a reason; "join" is for initiatives only), records it and saves the draft; the
// call pages show the link to whom they may. The model and raw-SQL attacks: call-overlap.test.ts.

type Party = Awaited<ReturnType<typeof createHost>>

const fields = (overrides: Record<string, string | string[]> = {}) =>
  draftFields({
    title: 'Isbanerobotar för kommunens konstfrusna isbanor',
    summary: 'En upphandling av isbanerobotar som spolar konstfrusna isbanor nattetid.',
    themes: ['mobility'],
    cpv_codes: '34900000',
    ...overrides,
  })

async function post(party: Party, body: Record<string, string | string[]>) {
  const slug = party.org.slug
  const cookie = await cookieFor(party.user.id)
  return run(() =>
    newAction(
      actionArgs(formRequest(`/organisations/${slug}/calls/new`, body, { cookie }), { slug }),
    ),
  )
}

async function page(id: number, party?: Party) {
  const cookie = party ? await cookieFor(party.user.id) : undefined
  return dataOf(
    await run(() =>
      pageLoader(loaderArgs(getRequest(`/calls/${id}`, { cookie }), { callId: String(id) })),
    ),
  )
}

describe('the overlap step of the new-call form', () => {
  test('shows the similar published calls, needs a choice and a reason, then links', async () => {
    const them = await createHost(db)
    const us = await createHost(db)
    const { call: theirs } = await createCall(db, them, {
      title: 'Isbanerobotar till konstfrusna isbanor',
      summary: 'Kommunen köper isbanerobotar som spolar isbanor.',
      themes: ['mobility'],
      cpv: ['34900000'],
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
    const id = idFrom(headerOf(saved, 'Location'))
    expect((await page(id, us)).related.map((r: { id: number }) => r.id)).toEqual([theirs.id])
    // Our draft is private: their public page shows it to us only.
    expect((await page(theirs.id, us)).related.map((r: { id: number }) => r.id)).toEqual([id])
    expect((await page(theirs.id)).related).toEqual([])
    expect((await page(theirs.id, them)).related).toEqual([])
  })

  test('no similar published call: saved at once', async () => {
    const us = await createHost(db)
    const result = await post(
      us,
      fields({
        title: 'Unika snöskulpturverktyg',
        summary: 'En helt egen upphandling av snöskulpturverktyg för vinterfesten.',
        themes: ['space_arctic'],
        cpv_codes: '03000000',
        county_code: '01',
      }),
    )
    expect(statusOf(result)).toBe(302)
  })
})

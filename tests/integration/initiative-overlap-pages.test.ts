import { describe, expect, test } from 'vitest'
import { createInitiative } from '~/models/initiatives.server'
import { loader as pageLoader } from '~/routes/initiatives.$initiativeId._index/route'
import { action as newAction } from '~/routes/organisations.$slug.initiatives.new/route'
import { getDb } from '~/utils/db.server'
import { sessionCookieFor } from '../helpers/factories'
import { INPUT } from '../helpers/initiative-factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createHost } from '../helpers/test-bed-factories'

// The new-initiative form's overlap step through the app (decision record 030): the first submit
// shows the similar initiatives with every value kept; the second needs a choice (and for
// "continue" a reason), records it and saves; the initiative pages show what each viewer may see.
// The model and the raw-SQL attacks are in initiative-overlap.test.ts.

const db = getDb()
type Party = Awaited<ReturnType<typeof createHost>>

const fields = (overrides: Record<string, string | string[]> = {}) => ({
  kind: 'planned_call',
  title: 'Upphandling av nattkameror i hemtjänsten',
  summary: 'En planerad upphandling av nattkameror för hemtjänstens brukare.',
  starts_on: '2027-03-01',
  ends_on: '2027-12-31',
  budget_band: '5m_20m',
  contact_role: 'Upphandlingsansvarig',
  contact_email: 'upphandling@example.test',
  themes: ['welfare_technology'],
  counties: ['25'],
  ...overrides,
})

async function theirs(owner: Party) {
  return createInitiative(db, {
    organisation: { id: owner.org.id, kind: 'public_body', verification_status: 'verified' },
    userId: owner.user.id,
    input: {
      ...INPUT,
      kind: 'planned_call',
      title: 'Nattkameror i hemtjänsten 2027',
      summary: 'Kommunen planerar att köpa nattkameror till hemtjänsten.',
      themes: ['welfare_technology'],
    },
  })
}

function submit(party: Party, body: Record<string, string | string[]>) {
  const slug = party.org.slug
  return run(async () =>
    newAction(
      actionArgs(
        formRequest(`/organisations/${slug}/initiatives/new`, body, {
          cookie: await sessionCookieFor(db, party.user.id),
        }),
        { slug },
      ),
    ),
  )
}

async function page(id: number, party?: Party) {
  const cookie = party ? await sessionCookieFor(db, party.user.id) : undefined
  return dataOf(
    await run(() =>
      pageLoader(
        loaderArgs(getRequest(`/initiatives/${id}`, { cookie }), { initiativeId: String(id) }),
      ),
    ),
  )
}

async function countOf(party: Party) {
  const rows = await db
    .selectFrom('initiatives')
    .select('id')
    .where('organisation_id', '=', party.org.id)
    .execute()
  return rows.length
}

describe('the overlap step of the new-initiative form', () => {
  test('shows the similar ones first, needs a choice and a reason, then records and links', async () => {
    const them = await createHost(db)
    const us = await createHost(db)
    const other = await theirs(them)

    // First submit: nothing saved, the candidates shown, every value kept.
    const first = await submit(us, fields())
    expect(statusOf(first)).toBe(200)
    const shown = dataOf(first).overlap as { id: number; owners: string }[]
    expect(shown.map((c) => c.id)).toContain(other.id)
    expect(formResult(first).initialValue?.title).toBe(fields().title)
    expect(await countOf(us)).toBe(0)
    const ids = shown.map((c) => c.id).join(',')

    // No choice: 400, the message by the group, the candidates still there.
    const none = await submit(us, fields({ overlap_shown: ids }))
    expect(statusOf(none)).toBe(400)
    expect(formResult(none).error?.overlap_choice).toEqual(['overlap.error.choose'])
    expect(dataOf(none).overlap.map((c: { id: number }) => c.id)).toContain(other.id)

    // Continue without a reason: 400 at the reason.
    const noReason = await submit(
      us,
      fields({ overlap_shown: ids, overlap_choice: 'continue', overlap_reason: '..' }),
    )
    expect(statusOf(noReason)).toBe(400)
    expect(formResult(noReason).error?.overlap_reason).toEqual([
      'errors.domain.overlap_reason_required',
    ])

    // A stale list (the similar ones changed since): shown again, nothing recorded.
    const stale = await submit(
      us,
      fields({
        overlap_shown: String(other.id + 1000),
        overlap_choice: 'continue',
        overlap_reason: 'Ett skäl som räcker gott.',
      }),
    )
    expect(statusOf(stale)).toBe(200)
    expect(await countOf(us)).toBe(0)

    // Link as related: saved, the link on both pages, the record only for us.
    const saved = await submit(
      us,
      fields({ overlap_shown: ids, overlap_choice: `related:${other.id}` }),
    )
    expect(statusOf(saved)).toBe(302)
    const id = Number(/\/initiatives\/(\d+)/.exec(headerOf(saved, 'Location')!)![1])
    const ours = await page(id, us)
    expect(ours.related.map((r: { id: number }) => r.id)).toEqual([other.id])
    expect(ours.checks).toHaveLength(1)
    expect(ours.checks[0]).toMatchObject({ choice: 'related', chosen_id: other.id })
    const public_ = await page(other.id)
    expect(public_.related.map((r: { id: number }) => r.id)).toEqual([id])
    expect(public_.checks).toEqual([])
    expect((await page(id, them)).checks).toEqual([])
    expect((await page(id)).checks).toEqual([])
  })

  test('join as co-owner sends the request and creates nothing; continue keeps the reason', async () => {
    const them = await createHost(db)
    const other = await theirs(them)
    const joiner = await createHost(db)
    const first = dataOf(await submit(joiner, fields()))
    const ids = (first.overlap as { id: number }[]).map((c) => c.id).join(',')
    const joined = await submit(
      joiner,
      fields({ overlap_shown: ids, overlap_choice: `join:${other.id}` }),
    )
    expect(headerOf(joined, 'Location')).toBe(`/initiatives/${other.id}?notice=requested`)
    expect(await countOf(joiner)).toBe(0)
    const request = await db
      .selectFrom('initiative_co_owners')
      .select('state')
      .where('initiative_id', '=', other.id)
      .where('organisation_id', '=', joiner.org.id)
      .executeTakeFirst()
    expect(request?.state).toBe('pending')
    // The joiner sees its record on the joined initiative; the owner does not.
    expect((await page(other.id, joiner)).checks[0]).toMatchObject({ choice: 'join' })
    expect((await page(other.id, them)).checks).toEqual([])

    const goer = await createHost(db)
    const again = dataOf(await submit(goer, fields()))
    const goerIds = (again.overlap as { id: number }[]).map((c) => c.id).join(',')
    const reason = 'Vi köper för ett annat område och en annan målgrupp.'
    const went = await submit(
      goer,
      fields({ overlap_shown: goerIds, overlap_choice: 'continue', overlap_reason: reason }),
    )
    expect(statusOf(went)).toBe(302)
    const id = Number(/\/initiatives\/(\d+)/.exec(headerOf(went, 'Location')!)![1])
    expect((await page(id, goer)).checks[0]).toMatchObject({ choice: 'continue', reason })
    expect((await page(id)).related).toEqual([])
  })

  test('with nothing similar the first submit saves at once', async () => {
    const lonely = await createHost(db)
    const saved = await submit(
      lonely,
      fields({
        title: 'Något helt eget om fjällräddning',
        summary: 'Inget annat initiativ gäller fjällräddning med drönare.',
        themes: [],
        counties: ['23'],
      }),
    )
    expect(statusOf(saved)).toBe(302)
    expect(await countOf(lonely)).toBe(1)
  })
})

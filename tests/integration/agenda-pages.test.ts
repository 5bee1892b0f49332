import { describe, expect, test } from 'vitest'
import { loader as agendaLoader } from '~/routes/organisations.$slug.agenda._index/route'
import {
  action as editAction,
  loader as editLoader,
} from '~/routes/organisations.$slug.agenda.edit/route'
import { action as goalAction } from '~/routes/organisations.$slug.agenda.goals.$goalId/route'
import { loader as agendasLoader } from '~/routes/agendas._index/route'
import { getDb } from '~/utils/db.server'
import { createAgenda, createRegion } from '../helpers/agenda-factories'
import { sessionCookieFor } from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createHost } from '../helpers/test-bed-factories'

// The agenda's pages (decision record 033): 404 for a draft to outsiders and for the editing
// pages to anyone but the region and its co-owners; forms answer bad input with 400, the message
// by the field and the values kept.

const db = getDb()

describe('the pages', () => {
  test('who sees what', async () => {
    const { region, coOwner, goalId } = await createAgenda(db)
    const outsider = await createHost(db)
    const slug = region.org.slug
    const agenda = async (userId: number | null) => {
      const cookie = userId ? await sessionCookieFor(db, userId) : undefined
      return run(() =>
        agendaLoader(loaderArgs(getRequest(`/organisations/${slug}/agenda`, { cookie }), { slug })),
      )
    }
    const edit = async (userId: number) => {
      const cookie = await sessionCookieFor(db, userId)
      return run(() =>
        editLoader(
          loaderArgs(getRequest(`/organisations/${slug}/agenda/edit`, { cookie }), { slug }),
        ),
      )
    }
    expect(statusOf(await agenda(null))).toBe(404)
    expect(statusOf(await agenda(outsider.user.id))).toBe(404)
    expect(dataOf(await agenda(coOwner.user.id)).goals.map((g: { id: number }) => g.id)).toEqual([
      goalId,
    ])
    expect(statusOf(await edit(outsider.user.id))).toBe(404)
    const own = dataOf(await edit(region.user.id))
    expect(own.regionMember).toBe(true)
    expect(own.candidates.some((c: { id: number }) => c.id === outsider.org.id)).toBe(true)
    const co = dataOf(await edit(coOwner.user.id))
    expect(co.regionMember).toBe(false)
    expect(co.candidates).toEqual([])
    // A region without an agenda: its members may create one; the public page does not exist.
    const fresh = await createRegion(db)
    const cookie = await sessionCookieFor(db, fresh.user.id)
    const empty = dataOf(
      await run(() =>
        editLoader(
          loaderArgs(getRequest(`/organisations/${fresh.org.slug}/agenda/edit`, { cookie }), {
            slug: fresh.org.slug,
          }),
        ),
      ),
    )
    expect(empty.agenda).toBeNull()
    const list = dataOf(await run(() => agendasLoader()))
    expect(list.agendas.some((a: { slug: string }) => a.slug === slug)).toBe(false)
  })

  test('forms: bad input is 400 with the field’s message and the values kept; good input saves', async () => {
    const { region, goalId, liveId } = await createAgenda(db, { publish: true })
    const slug = region.org.slug
    const cookie = await sessionCookieFor(db, region.user.id)
    const post = (path: string, fields: Record<string, string>) =>
      formRequest(path, fields, { cookie })
    const bad = await run(() =>
      editAction(
        actionArgs(
          post(`/organisations/${slug}/agenda/edit`, {
            intent: 'goal',
            title: 'x',
            description: 'Kvar',
          }),
          { slug },
        ),
      ),
    )
    expect(statusOf(bad)).toBe(400)
    const result = formResult(bad)
    expect(result.error?.title).toEqual(['errors.tooShort'])
    expect(result.initialValue).toMatchObject({ description: 'Kvar' })
    const good = await run(() =>
      editAction(
        actionArgs(
          post(`/organisations/${slug}/agenda/edit`, {
            intent: 'goal',
            title: 'Nytt mål',
            description: '',
          }),
          { slug },
        ),
      ),
    )
    expect(statusOf(good)).toBe(302)
    expect(headerOf(good, 'Location')).toMatch(/\/agenda\/goals\/\d+\?notice=created$/)

    // A published target without a reason: the reason field says why.
    const path = `/organisations/${slug}/agenda/goals/${goalId}`
    const noReason = await run(() =>
      goalAction(
        actionArgs(
          post(path, {
            intent: 'target',
            indicator_id: String(liveId),
            target_value: '20',
            target_date: '2029-12-31',
          }),
          { slug, goalId: String(goalId) },
        ),
      ),
    )
    expect(statusOf(noReason)).toBe(400)
    expect(formResult(noReason).error?.reason).toEqual(['errors.domain.agenda_target_reason'])
    // An outsider's post is not found.
    const outsider = await createHost(db)
    const other = await sessionCookieFor(db, outsider.user.id)
    const refused = await run(() =>
      goalAction(
        actionArgs(formRequest(path, { intent: 'goal', title: 'Kapat' }, { cookie: other }), {
          slug,
          goalId: String(goalId),
        }),
      ),
    )
    expect(statusOf(refused)).toBe(404)
  })
})

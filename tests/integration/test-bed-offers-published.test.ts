import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { sessionCookieFor } from '../helpers/factories'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createHost, createMemberOf, createOffer } from '../helpers/test-bed-factories'
import { auditActions, rawError } from '../helpers/inspect'
import {
  criteriaTitles,
  edit,
  editPage,
  Fields,
  history,
  hostWithCookie,
  offerFields,
  offerRow,
  problemOf,
  publishedFields,
} from '../helpers/test-bed-offers-setup'

// Test-bed offers: editing a published offer, and its lifecycle.

describe('a published offer', () => {
  test('keeps its criteria: the app and the database refuse changes', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host)
    const before = await criteriaTitles(offer.id)
    const result = await edit(
      offer.id,
      publishedFields({
        'criteria[0].title': 'Ett nytt kriterium',
        'criteria[0].kind': 'score',
      }),
      host.cookie,
    )
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ '': ['errors.domain.criteria_frozen'] })
    expect(await criteriaTitles(offer.id)).toEqual(before)
    expect((await offerRow(offer.id))?.title).toBe('Testmiljö i hemtjänsten')

    const criterion = await getDb()
      .selectFrom('test_bed_criteria')
      .select('id')
      .where('offer_id', '=', offer.id)
      .executeTakeFirstOrThrow()
    for (const statement of [
      sql`INSERT INTO test_bed_criteria (offer_id, position, title, kind)
          VALUES (${offer.id}, 9, 'Sent tillägg', 'score')`,
      sql`UPDATE test_bed_criteria SET title = 'Ändrat' WHERE id = ${criterion.id}`,
      sql`DELETE FROM test_bed_criteria WHERE id = ${criterion.id}`,
    ]) {
      expect(await rawError(() => statement.execute(getDb()))).toContain(
        'testarena:criteria_frozen',
      )
    }
    expect(await criteriaTitles(offer.id)).toEqual(before)
  })

  test('keeps its intake, access model, value and price: the app and the database refuse', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host, {
      accessModel: 'cost_sharing',
      marketValue: 50000,
      price: 10000,
    })
    const page = dataOf(await editPage(offer.id, host.cookie))
    expect(page.offer.status).toBe('published')
    const attempts: Fields[] = [
      { access_model: 'free' },
      { price_sek: '20000' },
      { market_value_sek: '90000' },
      { intake: 'round' },
    ]
    for (const attempt of attempts) {
      const result = await edit(offer.id, publishedFields(attempt), host.cookie)
      expect(statusOf(result), JSON.stringify(attempt)).toBe(400)
      expect(formResult(result).error).toEqual({ '': ['errors.domain.terms_frozen'] })
    }
    expect(await offerRow(offer.id)).toMatchObject({
      intake: 'rolling',
      access_model: 'cost_sharing',
      market_value_sek: 50000,
      price_sek: 10000,
      title: 'Testmiljö i hemtjänsten',
    })
    expect(
      await rawError(() =>
        sql`UPDATE test_bed_offers SET price_sek = 5000, updated_by = ${host.user.id}
            WHERE id = ${offer.id}`.execute(getDb()),
      ),
    ).toContain('testarena:terms_frozen')
  })

  test('moves its deadline only later: the app and the database refuse an earlier one', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host, { intake: 'round', deadlineIn: 10 * 86400 })
    const before = (await offerRow(offer.id))?.deadline ?? 0

    const earlier = toStockholmDateTimeInput(before - 3 * 86400)
    const refused = await edit(offer.id, publishedFields({ deadline: earlier }), host.cookie)
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error).toEqual({ deadline: ['offers.error.deadlineEarlier'] })
    expect((await offerRow(offer.id))?.deadline).toBe(before)
    expect(
      await rawError(() =>
        sql`UPDATE test_bed_offers SET deadline = deadline - 60, updated_by = ${host.user.id}
            WHERE id = ${offer.id}`.execute(getDb()),
      ),
    ).toContain('testarena:deadline_frozen')

    // The same minute as shown in the form is no change; a later one is saved.
    const same = await edit(
      offer.id,
      publishedFields({ deadline: toStockholmDateTimeInput(before) }),
      host.cookie,
    )
    expect(statusOf(same)).toBe(302)
    expect((await offerRow(offer.id))?.deadline).toBe(before)
    const laterText = toStockholmDateTimeInput(before + 5 * 86400)
    const saved = await edit(offer.id, publishedFields({ deadline: laterText }), host.cookie)
    expect(statusOf(saved)).toBe(302)
    expect(toStockholmDateTimeInput((await offerRow(offer.id))?.deadline ?? 0)).toBe(laterText)
  })

  test('records every content change in its public history with the note, newest first', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host, { themes: ['ehealth'] })
    const first = await edit(
      offer.id,
      publishedFields({
        title: 'Testmiljö i hemtjänsten 2.0',
        description: 'En helt ny beskrivning.',
        capacity: '3',
        themes: ['ehealth', 'energy'],
        change_note: 'Fler platser och ett nytt tema.',
      }),
      host.cookie,
    )
    expect(statusOf(first)).toBe(302)
    expect(headerOf(first, 'Location')).toBe(`/test-beds/${offer.id}/edit?notice=saved`)
    // A second edit without a note must not repeat the first note.
    const second = await edit(
      offer.id,
      publishedFields({
        title: 'Testmiljö i hemtjänsten 2.0',
        description: 'En helt ny beskrivning.',
        capacity: '3',
        themes: ['ehealth', 'energy'],
        contact_role: 'Testbäddsansvarig',
      }),
      host.cookie,
    )
    expect(statusOf(second)).toBe(302)
    // Saving again without changes adds no version.
    const third = await edit(
      offer.id,
      publishedFields({
        title: 'Testmiljö i hemtjänsten 2.0',
        description: 'En helt ny beskrivning.',
        capacity: '3',
        themes: ['ehealth', 'energy'],
        contact_role: 'Testbäddsansvarig',
      }),
      host.cookie,
    )
    expect(statusOf(third)).toBe(302)

    const page = dataOf(await history(offer.id))
    expect(page.offer.title).toBe('Testmiljö i hemtjänsten 2.0')
    expect(page.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1])
    const [v3, v2, v1] = page.versions
    expect(v1.changes).toBeNull()
    expect(v2.changeNote).toBe('Fler platser och ett nytt tema.')
    expect(v2.changedBy).toBe(host.user.name)
    expect(v2.changes).toEqual(
      expect.arrayContaining([
        {
          field: 'title',
          long: false,
          before: { kind: 'text', text: 'Testmiljö i hemtjänsten' },
          after: { kind: 'text', text: 'Testmiljö i hemtjänsten 2.0' },
        },
        { field: 'description', long: true },
        {
          field: 'capacity',
          long: false,
          before: { kind: 'number', value: 2 },
          after: { kind: 'number', value: 3 },
        },
        {
          field: 'themes',
          long: false,
          before: { kind: 'text', text: 'E-hälsa och digital vård' },
          after: { kind: 'text', text: 'E-hälsa och digital vård, Energi' },
        },
      ]),
    )
    expect(v3.changeNote).toBeNull()
    expect(v3.changes.map((c: { field: string }) => c.field)).toEqual(['contact_role'])
    expect(await auditActions(getDb(), 'test_bed_offer', offer.id)).toEqual([
      'test_bed_offer.update',
      'test_bed_offer.update',
      'test_bed_offer.update',
    ])
  })

  test('a never-published offer has no public history; bad ids are not found', async () => {
    const host = await hostWithCookie()
    const draft = await createOffer(getDb(), host, { status: 'draft' })
    expect(statusOf(await history(draft.id))).toBe(404)
    expect(statusOf(await history('abc'))).toBe(404)
    expect(statusOf(await history(999999))).toBe(404)
    expect(statusOf(await editPage('1x', host.cookie))).toBe(404)
  })
})

describe('the lifecycle', () => {
  test('published → paused → published → closed → archived, each audited with a notice', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host)
    const steps: [string, string][] = [
      ['pause', 'paused'],
      ['resume', 'published'],
      ['close', 'closed'],
      ['archive', 'archived'],
    ]
    for (const [intent, status] of steps) {
      const result = await edit(offer.id, { intent }, host.cookie)
      expect(statusOf(result), intent).toBe(302)
      expect(headerOf(result, 'Location')).toMatch(
        new RegExp(`^/test-beds/${offer.id}/edit\\?notice=`),
      )
      expect((await offerRow(offer.id))?.status).toBe(status)
    }
    expect((await offerRow(offer.id))?.closed_at).toBeGreaterThan(0)
    expect(await auditActions(getDb(), 'test_bed_offer', offer.id)).toEqual([
      'test_bed_offer.pause',
      'test_bed_offer.resume',
      'test_bed_offer.close',
      'test_bed_offer.archive',
    ])
    // Status changes are not content: the history still has only the published version.
    expect(dataOf(await history(offer.id)).versions).toHaveLength(1)
    // An archived offer's content no longer changes.
    const save = await edit(offer.id, publishedFields({ title: 'Sent ändrad' }), host.cookie)
    expect(formResult(save).error).toEqual({ '': ['errors.domain.offer_closed'] })
  })

  test('steps that do not fit the status are refused by the app and the database', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host)
    for (const intent of ['archive', 'resume', 'publish']) {
      const result = await edit(offer.id, { intent }, host.cookie)
      expect(statusOf(result), intent).toBe(400)
      expect(problemOf(result)).toBe('errors.domain.invalid_transition')
    }
    expect((await offerRow(offer.id))?.status).toBe('published')
    for (const status of ['draft', 'archived']) {
      expect(
        await rawError(() =>
          sql`UPDATE test_bed_offers SET status = ${status}, updated_by = ${host.user.id}
              WHERE id = ${offer.id}`.execute(getDb()),
        ),
      ).toContain('testarena:invalid_transition')
    }
    expect(statusOf(await edit(offer.id, { intent: 'fly' }, host.cookie))).toBe(400)
  })

  test('a draft is deleted after a confirmation step; a published offer is not', async () => {
    const host = await hostWithCookie()
    const draft = await createOffer(getDb(), host, { status: 'draft' })
    const confirm = dataOf(await editPage(draft.id, host.cookie, '?confirm=delete'))
    expect(confirm.confirmDelete).toBe(true)
    const result = await edit(draft.id, { intent: 'delete' }, host.cookie)
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe(
      `/organisations/${host.org.slug}/test-beds?notice=deleted`,
    )
    expect(await offerRow(draft.id)).toBeUndefined()
    expect(await criteriaTitles(draft.id)).toEqual([])
    expect(await auditActions(getDb(), 'test_bed_offer', draft.id)).toEqual([
      'test_bed_offer.delete',
    ])

    const published = await createOffer(getDb(), host)
    const refused = await edit(published.id, { intent: 'delete' }, host.cookie)
    expect(statusOf(refused)).toBe(400)
    expect(problemOf(refused)).toBe('errors.domain.offer_not_draft')
    expect(await offerRow(published.id)).toBeDefined()
    expect(
      await rawError(() =>
        sql`DELETE FROM test_bed_offers WHERE id = ${published.id}`.execute(getDb()),
      ),
    ).toContain('testarena:offer_not_draft')
  })

  test('people outside the host get 404 and change nothing; colleagues may edit', async () => {
    const host = await hostWithCookie()
    const offer = await createOffer(getDb(), host, { status: 'draft' })
    const other = await createHost(getDb())
    const otherCookie = await sessionCookieFor(getDb(), other.user.id)
    expect(statusOf(await editPage(offer.id, otherCookie))).toBe(404)
    expect(statusOf(await edit(offer.id, { intent: 'publish' }, otherCookie))).toBe(404)
    expect(statusOf(await edit(offer.id, { intent: 'delete' }, otherCookie))).toBe(404)
    expect(
      statusOf(
        await edit(offer.id, { ...offerFields({ title: 'Kapad' }), intent: 'save' }, otherCookie),
      ),
    ).toBe(404)
    expect(await offerRow(offer.id)).toMatchObject({
      status: 'draft',
      title: 'Testmiljö i hemtjänsten',
    })
    const anonymous = await editPage(offer.id)
    expect(statusOf(anonymous)).toBe(302)

    const colleague = await createMemberOf(getDb(), host.org.id)
    const colleagueCookie = await sessionCookieFor(getDb(), colleague.id)
    const saved = await edit(
      offer.id,
      { ...offerFields({ title: 'Bättre rubrik' }), intent: 'save' },
      colleagueCookie,
    )
    expect(statusOf(saved)).toBe(302)
    expect(await offerRow(offer.id)).toMatchObject({
      title: 'Bättre rubrik',
      updated_by: colleague.id,
    })
    // A draft's criteria are replaced by the form's.
    expect(await criteriaTitles(offer.id)).toEqual([
      '1:Nytta för brukare:score',
      '2:CE-märkt:pass_fail',
    ])
  })
})

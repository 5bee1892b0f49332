import Database from 'better-sqlite3'
import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { xml2js, type Element } from 'xml-js'
import { follow } from '~/models/follows.server'
import { hashToken } from '~/models/feed-tokens.server'
import { matchSavedSearches } from '~/models/saved-search-matching.server'
import { action as feedsAction, loader as feedsPageLoader } from '~/routes/account_.feeds/route'
import { loader as calendarLoader } from '~/routes/calendar.$token/route'
import { loader as searchFeedLoader } from '~/routes/search-feeds.$token/route'
import { DISALLOWED } from '~/utils/robots'
import { getDb } from '~/utils/db.server'
import { createBuyer, createCall } from '../helpers/call-factories'
import { createTestEvent } from '../helpers/event-factories'
import { sessionCookieFor } from '../helpers/factories'
import { saveSearch } from '../helpers/saved-search-factories'
import { createCompany, createOffer } from '../helpers/test-bed-factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, statusOf } from '../helpers/responses'

// Secret calendar and saved-search feed addresses (decision record 038): issued on the settings
// page and shown once, stored hashed, regenerated and revoked; the owner is in every WHERE.

const db = getDb()

async function post(userId: number, fields: Record<string, string>) {
  const cookie = await sessionCookieFor(db, userId)
  return run(() => feedsAction(actionArgs(formRequest('/account/feeds', fields, { cookie }))))
}

const tokenOf = (url: string) => /\/([A-Za-z0-9_-]{43})\.(ics|atom)$/.exec(url)?.[1] ?? ''

const calendarAt = (token: string) =>
  run(() =>
    calendarLoader(loaderArgs(getRequest(`/calendar/${token}.ics`), { token: `${token}.ics` })),
  )
const searchFeedAt = (token: string) =>
  run(() =>
    searchFeedLoader(
      loaderArgs(getRequest(`/search-feeds/${token}.atom`), { token: `${token}.atom` }),
    ),
  )

describe('the personal calendar', () => {
  test('created on the settings page, stored hashed, holds what the person follows', async () => {
    const buyer = await createBuyer(db)
    const company = await createCompany(db)
    const { call } = await createCall(db, buyer, { title: 'Följd upphandling' })
    await createCall(db, buyer, { title: 'Ej följd upphandling' })
    await follow(db, { userId: company.user.id, target: { type: 'call', id: call.id } })
    await follow(db, {
      userId: company.user.id,
      target: { type: 'organisation', id: buyer.org.id },
    })
    const event = await createTestEvent(db, buyer, { title: 'Dialogmöte om nattillsyn' })

    const created = dataOf<{ created: string }>(
      await post(company.user.id, { intent: 'calendar_create' }),
    )
    expect(created.created).toMatch(/^http:\/\/localhost:3000\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
    const token = tokenOf(created.created)
    const row = await db
      .selectFrom('calendar_tokens')
      .selectAll()
      .where('user_id', '=', company.user.id)
      .executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(hashToken(token))
    expect(row.token_hash).not.toContain(token)

    const answer = (await calendarAt(token)) as Response
    expect(answer.status).toBe(200)
    expect(answer.headers.get('Cache-Control')).toBe('private, no-store')
    const vcalendar = new ICAL.Component(ICAL.parse(await answer.text()))
    const uids = vcalendar
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('uid')))
    expect(uids).toContain(`call-${call.id}-tender@localhost:3000`)
    expect(uids).toContain(`event-${event.id}@localhost:3000`)
    const summaries = vcalendar
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('summary')))
    expect(summaries.some((s) => s.includes('Ej följd'))).toBe(false)

    // The page shows that an address exists, never the address itself.
    const page = dataOf<{ calendarSince: number | null }>(
      await run(async () =>
        feedsPageLoader(
          loaderArgs(
            getRequest('/account/feeds', { cookie: await sessionCookieFor(db, company.user.id) }),
          ),
        ),
      ),
    )
    expect(page.calendarSince).not.toBeNull()
    expect(JSON.stringify(page)).not.toContain(token)

    // Regenerating revokes the old address; revoking ends the new one.
    const again = dataOf<{ created: string }>(
      await post(company.user.id, { intent: 'calendar_create' }),
    )
    const second = tokenOf(again.created)
    expect(second).not.toBe(token)
    expect(statusOf(await calendarAt(token))).toBe(404)
    expect(statusOf(await calendarAt(second))).toBe(200)
    await post(company.user.id, { intent: 'calendar_revoke' })
    expect(statusOf(await calendarAt(second))).toBe(404)
  })

  test('forged, malformed and unknown tokens are 404, never 500', async () => {
    for (const token of ['x', 'A'.repeat(43), '../../etc', 'a'.repeat(5000), "' OR 1=1 --"]) {
      expect(statusOf(await calendarAt(token))).toBe(404)
      expect(statusOf(await searchFeedAt(token))).toBe(404)
    }
    const bare = await run(() =>
      calendarLoader(loaderArgs(getRequest('/calendar/abc'), { token: 'abc' })),
    )
    expect(statusOf(bare)).toBe(404)
  })
})

describe('a saved search’s feed', () => {
  test('its matches as Atom; only its owner issues or revokes the address', async () => {
    const owner = await createCompany(db)
    const other = await createCompany(db)
    const host = await createBuyer(db)
    const searchId = await saveSearch(db, owner.user.id, {
      name: 'Värmepumpar & <b>energi</b>',
      query: 'värmepump',
    })
    const offer = await createOffer(db, host, { title: 'Testbädd för värmepumpar' })
    await matchSavedSearches(db, { kind: 'test_bed', id: offer.id })

    // Someone else's saved search: 404, and nothing is issued.
    expect(
      statusOf(await post(other.user.id, { intent: 'search_create', searchId: String(searchId) })),
    ).toBe(404)
    expect(statusOf(await post(other.user.id, { intent: 'search_create', searchId: 'abc' }))).toBe(
      404,
    )
    expect(await db.selectFrom('saved_search_feed_tokens').selectAll().execute()).toEqual([])

    const created = dataOf<{ created: string }>(
      await post(owner.user.id, { intent: 'search_create', searchId: String(searchId) }),
    )
    const token = tokenOf(created.created)
    const answer = (await searchFeedAt(token)) as Response
    expect(answer.status).toBe(200)
    expect(answer.headers.get('Cache-Control')).toBe('private, no-store')
    const feed = (xml2js(await answer.text()) as Element).elements?.find((e) => e.name === 'feed')
    const texts = (name: string, el?: Element) =>
      (el?.elements ?? [])
        .filter((e) => e.name === name)
        .map((e) => (e.elements ?? []).map((x) => String(x.text ?? x.cdata ?? '')).join(''))
    expect(texts('title', feed)[0]).toBe('Bevakning: Värmepumpar & <b>energi</b>')
    const entries = (feed?.elements ?? []).filter((e) => e.name === 'entry')
    expect(entries.map((e) => texts('id', e)[0])).toEqual([
      `http://localhost:3000/test-beds/${offer.id}`,
    ])

    // The other person's revoke does nothing; the owner's ends the address.
    await post(other.user.id, { intent: 'search_revoke', searchId: String(searchId) })
    expect(statusOf(await searchFeedAt(token))).toBe(200)
    await post(owner.user.id, { intent: 'search_revoke', searchId: String(searchId) })
    expect(statusOf(await searchFeedAt(token))).toBe(404)
  })

  test('the token paths are kept out of robots’ way', () => {
    expect(DISALLOWED).toContain('/calendar/')
    expect(DISALLOWED).toContain('/search-feeds/')
  })
})

describe('raw SQL', () => {
  test('a token is stored only as a 64-digit hash, once', async () => {
    const company = await createCompany(db)
    const plain = new Database(process.env.DATABASE_PATH!)
    try {
      expect(() =>
        plain
          .prepare('INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES (?, ?, 1)')
          .run(company.user.id, 'plain-token'),
      ).toThrow(/CHECK/)
      const hash = 'a'.repeat(64)
      plain
        .prepare('INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES (?, ?, 1)')
        .run(company.user.id, hash)
      const other = await createCompany(db)
      expect(() =>
        plain
          .prepare('INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES (?, ?, 1)')
          .run(other.user.id, hash),
      ).toThrow(/UNIQUE/)
      expect(() =>
        plain
          .prepare('UPDATE calendar_tokens SET token_hash = ? WHERE user_id = ?')
          .run('short', company.user.id),
      ).toThrow(/CHECK/)
    } finally {
      plain.close()
    }
  })
})

import { describe, expect, test } from 'vitest'
import { fanOutPending } from '~/models/notification-fanout.server'
import {
  action as settingsAction,
  loader as settingsLoader,
} from '~/routes/account_.notifications/route'
import { action as followAction } from '~/routes/follow/route'
import { action as listAction, loader as listLoader } from '~/routes/notifications._index/route'
import { loader as openLoader } from '~/routes/notifications.$notificationId/route'
import { getDb } from '~/utils/db.server'
import { createBuyer, createCall } from '../helpers/call-factories'
import { sessionCookieFor } from '../helpers/factories'
import { auditActions } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany } from '../helpers/test-bed-factories'

const db = getDb()

const follow = (fields: Record<string, string>, cookie?: string) =>
  run(() => followAction(actionArgs(formRequest('/follow', fields, { cookie }))))

describe('the notification pages', () => {
  test('follow an organisation, hear of its new call, open it and mark everything read', async () => {
    const buyer = await createBuyer(db)
    const company = await createCompany(db)
    const cookie = await sessionCookieFor(db, company.user.id)
    const fields = { type: 'organisation', id: String(buyer.org.id), intent: 'follow' }
    const followed = await follow({ ...fields, redirectTo: '/organisations/x?page=2' }, cookie)
    expect(headerOf(followed, 'Location')).toBe('/organisations/x?page=2&follow=added#follow')
    expect(await auditActions(db, 'organisation', buyer.org.id)).toContain('organisation.followed')
    const { call } = await createCall(db, buyer, { title: 'Sensorer för trygg nattillsyn' })
    await fanOutPending(db)

    const list = dataOf(
      await run(() => listLoader(loaderArgs(getRequest('/notifications', { cookie })))),
    )
    expect(list.rows).toEqual([
      expect.objectContaining({ kind: 'call_published', title: call.title, unread: true }),
    ])
    // Another person's notification is not there; one's own opens the call and is read.
    const stranger = await sessionCookieFor(db, (await createCompany(db)).user.id)
    const id = String(list.rows[0].id)
    const open = (c: string) =>
      run(() =>
        openLoader(
          loaderArgs(getRequest(`/notifications/${id}`, { cookie: c }), { notificationId: id }),
        ),
      )
    expect(statusOf(await open(stranger))).toBe(404)
    expect(headerOf(await open(cookie), 'Location')).toBe(`/calls/${call.id}`)
    const again = dataOf(
      await run(() => listLoader(loaderArgs(getRequest('/notifications', { cookie })))),
    )
    expect(again.rows[0].unread).toBe(false)
    const marked = await run(() =>
      listAction(actionArgs(formRequest('/notifications', {}, { cookie }))),
    )
    expect(headerOf(marked, 'Location')).toBe('/notifications?marked=1')
    for (const bad of ['0', 'abc', '99999999999999999999']) {
      const response = await run(() =>
        openLoader(
          loaderArgs(getRequest(`/notifications/${bad}`, { cookie }), { notificationId: bad }),
        ),
      )
      expect(statusOf(response)).toBe(404)
    }
  })

  test('a visitor is sent to log in; bad follow input is a 404, never a 500', async () => {
    const anonymous = await run(() => listLoader(loaderArgs(getRequest('/notifications'))))
    expect(headerOf(anonymous, 'Location')).toMatch(/^\/login/)
    const company = await createCompany(db)
    const cookie = await sessionCookieFor(db, company.user.id)
    for (const fields of [
      { type: 'pilot', id: '1', intent: 'follow' },
      { type: 'organisation', id: '-1', intent: 'follow' },
      { type: 'organisation', id: '1e400', intent: 'follow' },
      { type: 'organisation', id: '99999999', intent: 'follow' },
      { type: 'organisation', id: '1', intent: 'delete' },
    ]) {
      expect(statusOf(await follow(fields, cookie))).toBe(404)
    }
    // A redirect elsewhere is refused: back to the settings instead.
    const buyer = await createBuyer(db)
    const offsite = await follow(
      {
        type: 'organisation',
        id: String(buyer.org.id),
        intent: 'follow',
        redirectTo: '//evil.example/',
      },
      cookie,
    )
    expect(headerOf(offsite, 'Location')).toBe('/account/notifications?follow=added#follow')
  })

  test('the settings keep every choice on a bad submit and save a good one', async () => {
    const company = await createCompany(db)
    const cookie = await sessionCookieFor(db, company.user.id)
    const shown = dataOf(
      await run(() => settingsLoader(loaderArgs(getRequest('/account/notifications', { cookie })))),
    )
    expect(shown.modes).toEqual({
      changes: 'immediate',
      deadlines: 'immediate',
      new_items: 'daily',
      searches: 'daily',
    })
    const post = (fields: Record<string, string>) =>
      run(() =>
        settingsAction(actionArgs(formRequest('/account/notifications', fields, { cookie }))),
      )
    const bad = await post({ changes: 'weekly', deadlines: 'hourly', new_items: 'off' })
    expect(statusOf(bad)).toBe(400)
    const result = formResult(bad)
    expect(result.error?.deadlines).toEqual(['notifications.settings.invalid'])
    expect(result.error?.searches).toEqual(['notifications.settings.invalid'])
    expect(result.initialValue).toMatchObject({ changes: 'weekly', new_items: 'off' })
    const good = await post({
      changes: 'weekly',
      deadlines: 'off',
      new_items: 'off',
      searches: 'daily',
    })
    expect(headerOf(good, 'Location')).toBe('/account/notifications?saved=1')
    const saved = dataOf(
      await run(() => settingsLoader(loaderArgs(getRequest('/account/notifications', { cookie })))),
    )
    expect(saved.modes).toEqual({
      changes: 'weekly',
      deadlines: 'off',
      new_items: 'off',
      searches: 'daily',
    })
  })
})

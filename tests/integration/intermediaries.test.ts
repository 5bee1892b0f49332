import { beforeEach, describe, expect, test } from 'vitest'
import { resetLimiters } from '~/auth/limits.server'
import { saveBidDraft } from '~/models/bid-submission.server'
import { DomainError } from '~/models/errors.server'
import { saveDraft } from '~/models/pilot-application-submission.server'
import {
  action as verificationsAction,
  loader as verificationsLoader,
} from '~/routes/admin.verifications/route'
import { loader as directoryLoader } from '~/routes/organisations._index/route'
import { loader as profileLoader } from '~/routes/organisations.$slug._index/route'
import { loader as newCallLoader } from '~/routes/organisations.$slug.calls.new/route'
import { action as settingsAction } from '~/routes/organisations.$slug.settings/route'
import { loader as newOfferLoader } from '~/routes/organisations.$slug.test-beds.new/route'
import { action as registerAction } from '~/routes/organisations.new/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { completeBidContent } from '../helpers/bid-factories'
import { createCall } from '../helpers/call-factories'
import { createUser, orgNumber, sessionCookieFor, unique } from '../helpers/factories'
import { mailsTo } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createHost, createOffer } from '../helpers/test-bed-factories'

// Intermediaries through the app (issue 15, decision 026): registered pending, verified by a
// platform administrator from the same queue as public bodies, listed and filtered in the
// directory with their type, and kept out of publishing, applying and bidding.

const db = getDb()

beforeEach(() => resetLimiters())

async function signedIn(options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(db, options)
  return { user, cookie: await sessionCookieFor(db, user.id) }
}

function intermediaryFields(overrides: Record<string, string | string[]> = {}) {
  return {
    kind: 'intermediary',
    name: `IUC Test ${unique()} AB`,
    org_number: orgNumber('55'),
    intermediary_type: 'industrial_development_centre',
    county_code: '25',
    municipality_code: '2580',
    website: 'https://iuc.example',
    description: 'Vi hjälper industriföretag att digitalisera.',
    ...overrides,
  }
}

function register(fields: Record<string, string | string[]>, cookie: string) {
  return run(() =>
    registerAction(actionArgs(formRequest('/organisations/new', fields, { cookie }))),
  )
}

function profile(slug: string, cookie?: string) {
  return run(() =>
    profileLoader(loaderArgs(getRequest(`/organisations/${slug}`, { cookie }), { slug })),
  )
}

function directory(query: string) {
  return run(() => directoryLoader(loaderArgs(getRequest(`/organisations?${query}`))))
}

async function registered(cookie: string, overrides: Record<string, string> = {}) {
  const result = await register(intermediaryFields(overrides), cookie)
  expect(statusOf(result)).toBe(302)
  const slug = /^\/organisations\/([a-z0-9-]+)\?registered=1$/.exec(
    headerOf(result, 'Location') ?? '',
  )?.[1]
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('slug', '=', slug ?? '')
    .executeTakeFirstOrThrow()
}

describe('registering an intermediary', () => {
  test('lands pending with its type, seen by its members and platform administrators only', async () => {
    const { user, cookie } = await signedIn()
    const org = await registered(cookie)
    expect(org).toMatchObject({
      kind: 'intermediary',
      intermediary_type: 'industrial_development_centre',
      public_body_type: null,
      size_class: null,
      verification_status: 'pending',
    })
    const members = await db
      .selectFrom('memberships')
      .select(['user_id', 'role'])
      .where('organisation_id', '=', org.id)
      .execute()
    expect(members).toEqual([{ user_id: user.id, role: 'admin' }])

    const own = dataOf(await profile(org.slug, cookie))
    expect(own.org).toMatchObject({
      kind: 'intermediary',
      intermediary_type: 'industrial_development_centre',
      verification_status: 'pending',
    })
    // Intermediaries host no pilots and are no party to reference cases.
    expect(own.showcase).toBeNull()
    expect(statusOf(await profile(org.slug))).toBe(404)
    const stranger = await signedIn()
    expect(statusOf(await profile(org.slug, stranger.cookie))).toBe(404)
    expect(dataOf(await directory('kind=intermediary')).result.items).not.toContainEqual(
      expect.objectContaining({ slug: org.slug }),
    )
  })

  test('without a type answers 400 with the error next to the field and keeps the values', async () => {
    const { cookie } = await signedIn()
    const fields = intermediaryFields()
    delete (fields as Partial<typeof fields>).intermediary_type
    const result = await register(fields, cookie)
    expect(statusOf(result)).toBe(400)
    const reply = formResult(result)
    expect(reply.error).toEqual({ intermediary_type: ['errors.choose'] })
    expect(reply.initialValue).toMatchObject({ name: fields.name, kind: 'intermediary' })
    const unknown = await register(intermediaryFields({ intermediary_type: 'think_tank' }), cookie)
    expect(statusOf(unknown)).toBe(400)
    expect(formResult(unknown).error).toEqual({ intermediary_type: ['errors.choose'] })
  })
})

describe('verifying an intermediary', () => {
  test('it waits in the administrators’ queue, is verified there, mailed, and then listed in the directory by kind with its type', async () => {
    const { user, cookie } = await signedIn()
    const org = await registered(cookie, { intermediary_type: 'university' })
    const admin = await signedIn({ isPlatformAdmin: true })

    const queue = dataOf(
      await run(() =>
        verificationsLoader(
          loaderArgs(getRequest('/admin/verifications', { cookie: admin.cookie })),
        ),
      ),
    )
    expect(queue.organisations).toContainEqual(
      expect.objectContaining({
        id: org.id,
        kind: 'intermediary',
        intermediary_type: 'university',
      }),
    )

    const decided = await run(() =>
      verificationsAction(
        actionArgs(
          formRequest(
            '/admin/verifications',
            { organisationId: String(org.id), intent: 'verify', reason: '' },
            { cookie: admin.cookie },
          ),
        ),
      ),
    )
    expect(statusOf(decided)).toBe(302)
    const after = await db
      .selectFrom('organisations')
      .select(['verification_status', 'verified_by'])
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow()
    expect(after).toEqual({ verification_status: 'verified', verified_by: admin.user.id })
    // The database logged both states itself (decision 022, point 6).
    const log = await db
      .selectFrom('status_log')
      .select(['from_status', 'to_status', 'actor_user_id'])
      .where('entity_type', '=', 'organisations')
      .where('entity_id', '=', org.id)
      .orderBy('id')
      .execute()
    expect(log).toEqual([
      { from_status: null, to_status: 'pending', actor_user_id: null },
      { from_status: 'pending', to_status: 'verified', actor_user_id: admin.user.id },
    ])
    const mails = await mailsTo(db, user.email, 'intermediary_verified')
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text_body).toContain('innovationsstödjande aktör')

    const listed = dataOf(await directory(`kind=intermediary&q=${encodeURIComponent(org.name)}`))
    expect(listed.result.items).toEqual([
      expect.objectContaining({
        slug: org.slug,
        kind: 'intermediary',
        intermediary_type: 'university',
      }),
    ])
    const companiesOnly = dataOf(await directory(`kind=company&q=${encodeURIComponent(org.name)}`))
    expect(companiesOnly.result.items).toEqual([])
    expect(dataOf(await profile(org.slug)).org).toMatchObject({
      name: org.name,
      intermediary_type: 'university',
      verification_status: 'verified',
    })
  })

  test('a verified intermediary that renames itself goes back to the queue', async () => {
    const { cookie } = await signedIn()
    const org = await registered(cookie)
    const admin = await createUser(db, { isPlatformAdmin: true })
    await db
      .updateTable('organisations')
      .set({ verification_status: 'verified', verified_by: admin.id, verified_at: now() })
      .where('id', '=', org.id)
      .execute()
    const result = await run(() =>
      settingsAction(
        actionArgs(
          formRequest(
            `/organisations/${org.slug}/settings`,
            {
              intent: 'save',
              name: 'Vinnova',
              intermediary_type: 'government_agency',
              county_code: '01',
              municipality_code: '0180',
            },
            { cookie },
          ),
          { slug: org.slug },
        ),
      ),
    )
    expect(statusOf(result)).toBe(302)
    const after = await db
      .selectFrom('organisations')
      .select(['name', 'intermediary_type', 'verification_status'])
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow()
    expect(after).toEqual({
      name: 'Vinnova',
      intermediary_type: 'government_agency',
      verification_status: 'pending',
    })
  })
})

describe('an intermediary does not publish, apply or bid', () => {
  test('its members get 404 on the new-offer and new-call pages, and the models refuse it as applicant and bidder', async () => {
    const { user, cookie } = await signedIn()
    const org = await registered(cookie)
    const admin = await createUser(db, { isPlatformAdmin: true })
    await db
      .updateTable('organisations')
      .set({ verification_status: 'verified', verified_by: admin.id, verified_at: now() })
      .where('id', '=', org.id)
      .execute()
    const params = { slug: org.slug }
    const newOffer = await run(() =>
      newOfferLoader(
        loaderArgs(getRequest(`/organisations/${org.slug}/test-beds/new`, { cookie }), params),
      ),
    )
    expect(statusOf(newOffer)).toBe(404)
    const newCall = await run(() =>
      newCallLoader(
        loaderArgs(getRequest(`/organisations/${org.slug}/calls/new`, { cookie }), params),
      ),
    )
    expect(statusOf(newCall)).toBe(404)

    const host = await createHost(db)
    const offer = await createOffer(db, host)
    await expect(
      saveDraft(db, {
        offerId: offer.id,
        userId: user.id,
        companySlug: org.slug,
        content: {},
      }),
    ).rejects.toBeInstanceOf(DomainError)
    const { call } = await createCall(db, host)
    await expect(
      saveBidDraft(db, {
        callId: call.id,
        userId: user.id,
        companySlug: org.slug,
        content: await completeBidContent(db, call.id),
      }),
    ).rejects.toBeInstanceOf(DomainError)
    const written = await db
      .selectFrom('bids')
      .select('id')
      .where('company_id', '=', org.id)
      .union(db.selectFrom('pilot_applications').select('id').where('company_id', '=', org.id))
      .execute()
    expect(written).toEqual([])
  })
})

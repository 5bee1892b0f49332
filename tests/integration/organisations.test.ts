import type { ActionFunctionArgs } from '@remix-run/node'
import { sql } from 'kysely'
import { beforeEach, describe, expect, test } from 'vitest'
import { resetLimiters } from '~/auth/limits.server'
import { loader as myOrganisationsLoader } from '~/routes/my.organisations/route'
import { loader as directoryLoader } from '~/routes/organisations._index/route'
import { loader as profileLoader } from '~/routes/organisations.$slug._index/route'
import {
  action as membersAction,
  loader as membersLoader,
} from '~/routes/organisations.$slug.members/route'
import {
  action as settingsAction,
  loader as settingsLoader,
} from '~/routes/organisations.$slug.settings/route'
import {
  action as registerAction,
  loader as registerLoader,
} from '~/routes/organisations.new/route'
import { getDb } from '~/utils/db.server'
import {
  addMember,
  createOrganisation,
  createUser,
  sessionCookieFor,
  unique,
} from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

/**
 * A random organisation number the `organisationsnummer` package accepts: the third digit is at
 * least 2 (the "month" of a legal person is 20 or more) and the last digit is the Luhn check digit.
 */
function validOrgNumber(prefix = '55'): string {
  const body =
    prefix +
    String(2 + Math.floor(Math.random() * 8)) +
    String(Math.floor(Math.random() * 1e6)).padStart(6, '0')
  let sum = 0
  for (let i = 0; i < 9; i++) {
    let v = Number(body[i]) * (i % 2 === 0 ? 2 : 1)
    if (v > 9) v -= 9
    sum += v
  }
  return body + String((10 - (sum % 10)) % 10)
}

/** The same number with its last digit changed: the check digit no longer fits. */
function withWrongCheckDigit(digits: string): string {
  const last = Number(digits[9])
  return `${digits.slice(0, 6)}-${digits.slice(6, 9)}${(last + 1) % 10}`
}

function companyFields(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    kind: 'company',
    name: `Testbolaget ${unique()} AB`,
    org_number: validOrgNumber(),
    size_class: 'small',
    county_code: '25',
    municipality_code: '2580',
    sectors: ['J', 'Q'],
    website: 'https://testbolaget.example',
    description: 'Vi bygger sensorer för kallt klimat.',
    ...overrides,
  }
}

function publicBodyFields(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    kind: 'public_body',
    name: `Testkommun ${unique()}`,
    org_number: validOrgNumber('21'),
    public_body_type: 'municipality',
    county_code: '25',
    municipality_code: '2581',
    ...overrides,
  }
}

async function signedIn(options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(getDb(), options)
  return { user, cookie: await sessionCookieFor(getDb(), user.id) }
}

function register(fields: Record<string, string | string[]>, cookie?: string) {
  return run(() =>
    registerAction(actionArgs(formRequest('/organisations/new', fields, { cookie }))),
  )
}

function profile(slug: string, cookie?: string) {
  return run(() =>
    profileLoader(loaderArgs(getRequest(`/organisations/${slug}`, { cookie }), { slug })),
  )
}

function directory(query: string, cookie?: string) {
  return run(() => directoryLoader(loaderArgs(getRequest(`/organisations?${query}`, { cookie }))))
}

function slugFrom(location: string | null): string {
  const match = /^\/organisations\/([a-z0-9-]+)\?registered=1$/.exec(location ?? '')
  if (!match?.[1]) throw new Error(`Unexpected redirect: ${location}`)
  return match[1]
}

async function organisationBySlug(slug: string) {
  return getDb()
    .selectFrom('organisations')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow()
}

beforeEach(() => {
  resetLimiters()
})

describe('registering an organisation', () => {
  test('a visitor who is not logged in is sent to the login page and back', async () => {
    const result = await run(() => registerLoader(loaderArgs(getRequest('/organisations/new'))))
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe('/login?redirectTo=%2Forganisations%2Fnew')
  })

  test('a company is listed at once, with the user as its administrator, sectors and an audit entry', async () => {
    const { user, cookie } = await signedIn()
    const fields = companyFields()
    const result = await register(fields, cookie)
    expect(statusOf(result)).toBe(302)
    const org = await organisationBySlug(slugFrom(headerOf(result, 'Location')))
    expect(org).toMatchObject({
      kind: 'company',
      name: fields.name,
      org_number: fields.org_number,
      size_class: 'small',
      public_body_type: null,
      county_code: '25',
      municipality_code: '2580',
      website: 'https://testbolaget.example',
      verification_status: 'not_required',
    })
    const sectors = await getDb()
      .selectFrom('organisation_sectors')
      .select('sector_code')
      .where('organisation_id', '=', org.id)
      .orderBy('sector_code')
      .execute()
    expect(sectors.map((s) => s.sector_code)).toEqual(['J', 'Q'])
    const membership = await getDb()
      .selectFrom('memberships')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .execute()
    expect(membership).toEqual([expect.objectContaining({ user_id: user.id, role: 'admin' })])
    const audits = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .execute()
    expect(audits.map((a) => a.action)).toEqual(['organisation.register'])
    expect(audits[0]?.actor_user_id).toBe(user.id)

    const page = dataOf(await profile(org.slug))
    expect(page.org.name).toBe(fields.name)
  })

  test('an organisation number with a dash or the 16 prefix is stored as ten digits', async () => {
    const { cookie } = await signedIn()
    const digits = validOrgNumber()
    const result = await register(
      companyFields({ org_number: `16${digits.slice(0, 6)}-${digits.slice(6)}` }),
      cookie,
    )
    const org = await organisationBySlug(slugFrom(headerOf(result, 'Location')))
    expect(org.org_number).toBe(digits)
  })

  test('a wrong check digit answers 400 with the error on the field and keeps every value', async () => {
    const { cookie } = await signedIn()
    const fields = companyFields()
    fields.org_number = withWrongCheckDigit(fields.org_number as string)
    const result = await register(fields, cookie)
    expect(statusOf(result)).toBe(400)
    const reply = formResult(result)
    expect(reply.error).toEqual({ org_number: ['errors.orgNumber'] })
    expect(reply.initialValue).toEqual(fields)
    expect(
      await getDb()
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', fields.name as string)
        .execute(),
    ).toEqual([])
  })

  test('a municipality outside the chosen county is refused and every value is kept', async () => {
    const { cookie } = await signedIn()
    // 0180 is Stockholm, which is not in Norrbotten (25).
    const fields = companyFields({ municipality_code: '0180' })
    const result = await register(fields, cookie)
    expect(statusOf(result)).toBe(400)
    const reply = formResult(result)
    expect(reply.error).toEqual({ municipality_code: ['errors.municipalityNotInCounty'] })
    expect(reply.initialValue).toEqual(fields)
  })

  test('a company without a size class is refused together with the other mistakes', async () => {
    const { cookie } = await signedIn()
    const fields = companyFields({ municipality_code: '0180', website: 'ftp://example.test' })
    delete fields.size_class
    const result = await register(fields, cookie)
    expect(statusOf(result)).toBe(400)
    const reply = formResult(result)
    expect(reply.error).toEqual({
      size_class: ['errors.choose'],
      municipality_code: ['errors.municipalityNotInCounty'],
      website: ['errors.url'],
    })
    expect(reply.initialValue).toEqual(fields)
  })

  test('a public body needs its type, not a size class', async () => {
    const { cookie } = await signedIn()
    const fields = publicBodyFields({ size_class: 'small' })
    delete fields.public_body_type
    const result = await register(fields, cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ public_body_type: ['errors.choose'] })
  })

  test('a registered organisation number cannot be registered again, dash or not', async () => {
    const { cookie } = await signedIn()
    const digits = validOrgNumber()
    expect(statusOf(await register(companyFields({ org_number: digits }), cookie))).toBe(302)
    const again = companyFields({ org_number: `${digits.slice(0, 6)}-${digits.slice(6)}` })
    const result = await register(again, cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ org_number: ['errors.domain.org_number_taken'] })
    expect(formResult(result).initialValue).toEqual(again)
  })

  test('slugs drop å, ä and ö and get -2, -3 when the name is taken', async () => {
    const { cookie } = await signedIn()
    const token = unique('s').toLowerCase()
    const name = `Åsa Ärlig Öl ${token}`
    const slugs: string[] = []
    for (let i = 0; i < 3; i++) {
      slugs.push(slugFrom(headerOf(await register(companyFields({ name }), cookie), 'Location')))
    }
    expect(slugs).toEqual([
      `asa-arlig-ol-${token}`,
      `asa-arlig-ol-${token}-2`,
      `asa-arlig-ol-${token}-3`,
    ])
  })

  test('an organisation called "New" does not hide the registration page', async () => {
    const { cookie } = await signedIn()
    const first = slugFrom(
      headerOf(await register(companyFields({ name: 'New' }), cookie), 'Location'),
    )
    expect(first).not.toBe('new')
    expect(first).toMatch(/^new-\d+$/)
  })
})

describe('public bodies awaiting verification', () => {
  test('are hidden from the directory and from strangers, but shown to their members and platform administrators', async () => {
    const { cookie } = await signedIn()
    const fields = publicBodyFields()
    const result = await register(fields, cookie)
    const slug = slugFrom(headerOf(result, 'Location'))
    expect((await organisationBySlug(slug)).verification_status).toBe('pending')

    expect(statusOf(await profile(slug))).toBe(404)
    const stranger = await signedIn()
    expect(statusOf(await profile(slug, stranger.cookie))).toBe(404)
    const own = dataOf(await profile(slug, cookie))
    expect(own.org).toMatchObject({
      name: fields.name,
      verification_status: 'pending',
      viewer_role: 'admin',
    })
    const platformAdmin = await signedIn({ isPlatformAdmin: true })
    expect(dataOf(await profile(slug, platformAdmin.cookie)).org.name).toBe(fields.name)

    const listed = dataOf(await directory(`q=${encodeURIComponent(fields.name as string)}`, cookie))
    expect(listed.result.total).toBe(0)
    const mine = dataOf(
      await run(() =>
        myOrganisationsLoader(loaderArgs(getRequest('/my/organisations', { cookie }))),
      ),
    )
    expect(mine.organisations).toEqual([
      expect.objectContaining({ slug, role: 'admin', verification_status: 'pending' }),
    ])
  })

  test('a rejected public body may correct itself and ask for a new review', async () => {
    const { user, cookie } = await signedIn()
    const slug = slugFrom(headerOf(await register(publicBodyFields(), cookie), 'Location'))
    const platformAdmin = await createUser(getDb(), { isPlatformAdmin: true })
    await sql`UPDATE organisations SET verification_status = 'rejected', verification_note = 'Fel namn', verified_by = ${platformAdmin.id} WHERE slug = ${slug}`.execute(
      getDb(),
    )
    expect(statusOf(await profile(slug))).toBe(404)

    const settings = dataOf(
      await run(() =>
        settingsLoader(
          loaderArgs(getRequest(`/organisations/${slug}/settings`, { cookie }), { slug }),
        ),
      ),
    )
    expect(settings.org.verification_status).toBe('rejected')
    const result = await run(() =>
      settingsAction(
        actionArgs(
          formRequest(
            `/organisations/${slug}/settings`,
            {
              intent: 'review',
              name: 'Piteå kommun (rättat)',
              public_body_type: 'municipality',
              county_code: '25',
              municipality_code: '2581',
            },
            { cookie },
          ),
          { slug },
        ),
      ),
    )
    expect(headerOf(result, 'Location')).toBe(`/organisations/${slug}/settings?notice=review`)
    const org = await organisationBySlug(slug)
    expect(org).toMatchObject({ name: 'Piteå kommun (rättat)', verification_status: 'pending' })
    const entry = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ action: 'organisation.review_requested', actor_user_id: user.id })
    expect(JSON.parse(entry.before_json ?? '{}')).toMatchObject({ verification_status: 'rejected' })
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({
      verification_status: 'pending',
      name: 'Piteå kommun (rättat)',
    })
  })

  test('a verified public body that takes a new name goes back for verification', async () => {
    const { cookie } = await signedIn()
    const slug = slugFrom(headerOf(await register(publicBodyFields(), cookie), 'Location'))
    const platformAdmin = await createUser(getDb(), { isPlatformAdmin: true })
    await sql`UPDATE organisations SET verification_status = 'verified', verified_by = ${platformAdmin.id} WHERE slug = ${slug}`.execute(
      getDb(),
    )
    // Raw SQL cannot rename it and keep the verification.
    await expect(
      sql`UPDATE organisations SET name = 'Region Någon Annan' WHERE slug = ${slug}`.execute(
        getDb(),
      ),
    ).rejects.toThrow(/rename_needs_review/)

    const result = await run(() =>
      settingsAction(
        actionArgs(
          formRequest(
            `/organisations/${slug}/settings`,
            {
              intent: 'save',
              name: 'Region Någon Annan',
              public_body_type: 'municipality',
              county_code: '25',
              municipality_code: '2581',
            },
            { cookie },
          ),
          { slug },
        ),
      ),
    )
    expect(headerOf(result, 'Location')).toBe(`/organisations/${slug}/settings?notice=saved`)
    expect(await organisationBySlug(slug)).toMatchObject({
      name: 'Region Någon Annan',
      verification_status: 'pending',
    })
    expect(statusOf(await profile(slug))).toBe(404)
  })

  test('a member cannot verify the organisation even with raw SQL', async () => {
    const { user, cookie } = await signedIn()
    const slug = slugFrom(headerOf(await register(publicBodyFields(), cookie), 'Location'))
    await expect(
      sql`UPDATE organisations SET verification_status = 'verified', verified_by = ${user.id} WHERE slug = ${slug}`.execute(
        getDb(),
      ),
    ).rejects.toThrow(/verification_by_admin_only/)
  })
})

describe('settings', () => {
  test('an administrator changes the details; the change is audited with before and after', async () => {
    const { user, cookie } = await signedIn()
    const slug = slugFrom(
      headerOf(await register(companyFields({ sectors: ['J'] }), cookie), 'Location'),
    )
    const before = await organisationBySlug(slug)
    const result = await run(() =>
      settingsAction(
        actionArgs(
          formRequest(
            `/organisations/${slug}/settings`,
            {
              intent: 'save',
              name: 'Nytt Namn AB',
              size_class: 'medium',
              county_code: '24',
              municipality_code: '2480',
              sectors: ['C', 'F'],
              website: 'www.nytt.example',
              description: 'Ny beskrivning',
              // Not part of the form: ignored.
              org_number: '5560160680',
              kind: 'public_body',
            },
            { cookie },
          ),
          { slug },
        ),
      ),
    )
    expect(headerOf(result, 'Location')).toBe(`/organisations/${slug}/settings?notice=saved`)
    const after = await organisationBySlug(slug)
    expect(after).toMatchObject({
      slug,
      name: 'Nytt Namn AB',
      size_class: 'medium',
      county_code: '24',
      municipality_code: '2480',
      website: 'https://www.nytt.example',
      description: 'Ny beskrivning',
      org_number: before.org_number,
      kind: 'company',
    })
    const profileData = dataOf(await profile(slug))
    expect(profileData.org.sectors.map((s: { code: string }) => s.code)).toEqual(['C', 'F'])
    const entry = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', before.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ action: 'organisation.update', actor_user_id: user.id })
    expect(JSON.parse(entry.before_json ?? '{}')).toMatchObject({
      name: before.name,
      sectors: ['J'],
    })
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({
      name: 'Nytt Namn AB',
      sectors: ['C', 'F'],
    })
  })

  test('bad settings answer 400 and keep the values', async () => {
    const { cookie } = await signedIn()
    const slug = slugFrom(headerOf(await register(companyFields(), cookie), 'Location'))
    const fields = {
      intent: 'save',
      name: 'X',
      size_class: 'medium',
      county_code: '25',
      municipality_code: '1280',
    }
    const result = await run(() =>
      settingsAction(
        actionArgs(formRequest(`/organisations/${slug}/settings`, fields, { cookie }), { slug }),
      ),
    )
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({
      name: ['errors.tooShort'],
      municipality_code: ['errors.municipalityNotInCounty'],
    })
    expect(formResult(result).initialValue).toEqual(fields)
  })

  test('kind and organisation number cannot be changed, not even with raw SQL', async () => {
    const { cookie } = await signedIn()
    const slug = slugFrom(headerOf(await register(companyFields(), cookie), 'Location'))
    await expect(
      sql`UPDATE organisations SET org_number = '5560160680' WHERE slug = ${slug}`.execute(getDb()),
    ).rejects.toThrow(/organisation_identity_fixed/)
  })
})

describe('another organisation’s pages', () => {
  test('a member of organisation A gets 404 on B’s settings and members pages and cannot act on them', async () => {
    const a = await signedIn()
    const b = await createUser(getDb())
    const orgA = await createOrganisation(getDb(), { adminUserId: a.user.id })
    const orgB = await createOrganisation(getDb(), { adminUserId: b.id })
    expect(orgA.slug).not.toBe(orgB.slug)
    const slug = orgB.slug
    const cookie = a.cookie

    expect(
      statusOf(
        await run(() =>
          settingsLoader(
            loaderArgs(getRequest(`/organisations/${slug}/settings`, { cookie }), { slug }),
          ),
        ),
      ),
    ).toBe(404)
    expect(
      statusOf(
        await run(() =>
          membersLoader(
            loaderArgs(getRequest(`/organisations/${slug}/members`, { cookie }), { slug }),
          ),
        ),
      ),
    ).toBe(404)

    const post = (
      path: string,
      fields: Record<string, string>,
      action: (args: ActionFunctionArgs) => Promise<unknown>,
    ) => run(() => action(actionArgs(formRequest(path, fields, { cookie }), { slug })))
    expect(
      statusOf(
        await post(
          `/organisations/${slug}/settings`,
          {
            intent: 'save',
            name: 'Kapad',
            size_class: 'small',
            county_code: '25',
            municipality_code: '2580',
          },
          settingsAction,
        ),
      ),
    ).toBe(404)
    const attempts: Record<string, string>[] = [
      { intent: 'invite', email: `${unique()}@example.test`, role: 'admin' },
      { intent: 'role', user_id: String(b.id), role: 'member' },
      { intent: 'remove', user_id: String(b.id) },
      { intent: 'leave' },
    ]
    for (const fields of attempts) {
      expect(
        statusOf(await post(`/organisations/${slug}/members`, fields, membersAction)),
        fields.intent,
      ).toBe(404)
    }
    const after = await organisationBySlug(slug)
    expect(after.name).toBe(orgB.name)
    expect(
      await getDb()
        .selectFrom('memberships')
        .select(['user_id', 'role'])
        .where('organisation_id', '=', orgB.id)
        .execute(),
    ).toEqual([{ user_id: b.id, role: 'admin' }])
    expect(
      await getDb()
        .selectFrom('invitations')
        .select('id')
        .where('organisation_id', '=', orgB.id)
        .execute(),
    ).toEqual([])
  })

  test('a plain member sees the members but not the settings, and cannot manage anyone', async () => {
    const admin = await createUser(getDb())
    const member = await signedIn()
    const org = await createOrganisation(getDb(), { adminUserId: admin.id })
    await addMember(getDb(), org.id, member.user.id, 'member')
    const slug = org.slug
    const cookie = member.cookie

    expect(
      statusOf(
        await run(() =>
          settingsLoader(
            loaderArgs(getRequest(`/organisations/${slug}/settings`, { cookie }), { slug }),
          ),
        ),
      ),
    ).toBe(404)
    const page = dataOf(
      await run(() =>
        membersLoader(
          loaderArgs(getRequest(`/organisations/${slug}/members`, { cookie }), { slug }),
        ),
      ),
    )
    expect(page.members.map((m: { id: number }) => m.id).sort()).toEqual(
      [admin.id, member.user.id].sort(),
    )
    expect(page.invitations).toEqual([])

    const attempts: Record<string, string>[] = [
      { intent: 'invite', email: `${unique()}@example.test`, role: 'member' },
      { intent: 'role', user_id: String(member.user.id), role: 'admin' },
      { intent: 'remove', user_id: String(admin.id) },
    ]
    for (const fields of attempts) {
      const result = await run(() =>
        membersAction(
          actionArgs(formRequest(`/organisations/${slug}/members`, fields, { cookie }), { slug }),
        ),
      )
      expect(statusOf(result), fields.intent).toBe(404)
    }
    expect(
      await getDb()
        .selectFrom('memberships')
        .select(['user_id', 'role'])
        .where('organisation_id', '=', org.id)
        .orderBy('role')
        .execute(),
    ).toEqual([
      { user_id: admin.id, role: 'admin' },
      { user_id: member.user.id, role: 'member' },
    ])
  })
})

describe('members', () => {
  function members(slug: string, fields: Record<string, string>, cookie: string) {
    return run(() =>
      membersAction(
        actionArgs(formRequest(`/organisations/${slug}/members`, fields, { cookie }), { slug }),
      ),
    )
  }

  test('an administrator promotes and removes members, and a member leaves; each is audited', async () => {
    const admin = await signedIn()
    const org = await createOrganisation(getDb(), { adminUserId: admin.user.id })
    const colleague = await signedIn()
    const other = await createUser(getDb())
    await addMember(getDb(), org.id, colleague.user.id, 'member')
    await addMember(getDb(), org.id, other.id, 'member')

    const promoted = await members(
      org.slug,
      { intent: 'role', user_id: String(colleague.user.id), role: 'admin' },
      admin.cookie,
    )
    expect(headerOf(promoted, 'Location')).toBe(
      `/organisations/${org.slug}/members?notice=roleChanged`,
    )
    const removed = await members(
      org.slug,
      { intent: 'remove', user_id: String(other.id) },
      admin.cookie,
    )
    expect(headerOf(removed, 'Location')).toBe(`/organisations/${org.slug}/members?notice=removed`)
    const left = await members(org.slug, { intent: 'leave' }, admin.cookie)
    expect(headerOf(left, 'Location')).toBe('/my/organisations?notice=left')

    expect(
      await getDb()
        .selectFrom('memberships')
        .select(['user_id', 'role'])
        .where('organisation_id', '=', org.id)
        .execute(),
    ).toEqual([{ user_id: colleague.user.id, role: 'admin' }])
    const actions = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', org.id)
      .orderBy('id')
      .execute()
    expect(actions.map((a) => a.action)).toEqual([
      'membership.role_changed',
      'membership.removed',
      'membership.left',
    ])
  })

  test('the last administrator cannot leave, be demoted or be removed', async () => {
    const admin = await signedIn()
    const org = await createOrganisation(getDb(), { adminUserId: admin.user.id })
    const member = await createUser(getDb())
    await addMember(getDb(), org.id, member.id, 'member')

    const attempts: Record<string, string>[] = [
      { intent: 'leave' },
      { intent: 'role', user_id: String(admin.user.id), role: 'member' },
      { intent: 'remove', user_id: String(admin.user.id) },
    ]
    for (const fields of attempts) {
      const result = await members(org.slug, fields, admin.cookie)
      expect(statusOf(result), fields.intent).toBe(400)
      expect(dataOf(result).error).toBe('errors.domain.last_admin')
    }
    expect(
      await getDb()
        .selectFrom('memberships')
        .select('role')
        .where('organisation_id', '=', org.id)
        .where('user_id', '=', admin.user.id)
        .executeTakeFirst(),
    ).toEqual({ role: 'admin' })
  })

  test('the database keeps the last administrator even against raw SQL', async () => {
    const admin = await createUser(getDb())
    const org = await createOrganisation(getDb(), { adminUserId: admin.id })
    await expect(
      sql`DELETE FROM memberships WHERE organisation_id = ${org.id}`.execute(getDb()),
    ).rejects.toThrow(/last_admin/)
    await expect(
      sql`UPDATE memberships SET role = 'member' WHERE organisation_id = ${org.id}`.execute(
        getDb(),
      ),
    ).rejects.toThrow(/last_admin/)
  })

  test('a bad member action answers 400, not 500', async () => {
    const admin = await signedIn()
    const org = await createOrganisation(getDb(), { adminUserId: admin.user.id })
    const attempts: Record<string, string>[] = [
      { intent: 'role', user_id: 'abc', role: 'owner' },
      { intent: 'nonsense' },
      {},
    ]
    for (const fields of attempts) {
      expect(statusOf(await members(org.slug, fields, admin.cookie))).toBe(400)
    }
    // Someone who is not a member is not found.
    expect(
      statusOf(await members(org.slug, { intent: 'remove', user_id: '999999' }, admin.cookie)),
    ).toBe(404)
  })
})

describe('the directory', () => {
  test('lists companies and verified public bodies, filtered by kind, county and name', async () => {
    const token = unique('dir')
    const platformAdmin = await createUser(getDb(), { isPlatformAdmin: true })
    const company = await createOrganisation(getDb(), { name: `Bolag ${token}` })
    const verified = await createOrganisation(getDb(), {
      kind: 'public_body',
      name: `Region ${token}`,
    })
    await sql`UPDATE organisations SET verification_status = 'verified', verified_by = ${platformAdmin.id} WHERE id = ${verified.id}`.execute(
      getDb(),
    )
    await createOrganisation(getDb(), { kind: 'public_body', name: `Väntande ${token}` })

    const names = async (query: string) =>
      dataOf(await directory(query)).result.items.map((o: { name: string }) => o.name)
    expect(await names(`q=${token}`)).toEqual([`Bolag ${token}`, `Region ${token}`])
    expect(await names(`q=${token}&kind=company`)).toEqual([`Bolag ${token}`])
    expect(await names(`q=${token}&kind=public_body`)).toEqual([`Region ${token}`])
    expect(await names(`q=${token}&county=25`)).toEqual([`Bolag ${token}`, `Region ${token}`])
    expect(await names(`q=${token}&county=01`)).toEqual([])
    // Nonsense filters are ignored, never an error.
    expect(await names(`q=${token}&kind=dragon&county=x&page=-3`)).toEqual([
      `Bolag ${token}`,
      `Region ${token}`,
    ])
    expect(company.slug).toBeTruthy()
  })

  test('a search for LIKE wildcards finds them literally', async () => {
    const token = unique('like')
    await createOrganisation(getDb(), { name: `Hundra%_Procent ${token}` })
    await createOrganisation(getDb(), { name: `HundraXYProcent ${token}` })
    const names = async (q: string) =>
      dataOf(await directory(`q=${encodeURIComponent(q)}`)).result.items.map(
        (o: { name: string }) => o.name,
      )
    expect(await names(`%_Procent ${token}`)).toEqual([`Hundra%_Procent ${token}`])
    expect(await names(`Hundra__Procent ${token}`)).toEqual([])
  })

  test('shows 20 a page', async () => {
    const token = unique('page')
    for (let i = 0; i < 21; i++) {
      await createOrganisation(getDb(), { name: `Sida ${token} ${String(i).padStart(2, '0')}` })
    }
    const first = dataOf(await directory(`q=${token}`)).result
    expect(first).toMatchObject({ total: 21, page: 1, pages: 2 })
    expect(first.items).toHaveLength(20)
    const second = dataOf(await directory(`q=${token}&page=2`)).result
    expect(second.items.map((o: { name: string }) => o.name)).toEqual([`Sida ${token} 20`])
    // A page past the end shows the last page.
    expect(dataOf(await directory(`q=${token}&page=99`)).result.page).toBe(2)
  })
})

describe('profiles', () => {
  test('an unknown or malformed slug is 404', async () => {
    expect(statusOf(await profile('finns-inte-alls'))).toBe(404)
    expect(statusOf(await profile('Ogiltig Slug!'))).toBe(404)
  })
})

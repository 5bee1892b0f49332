import { sql } from 'kysely'
import { beforeEach, describe, expect, test } from 'vitest'
import { resetLimiters } from '~/auth/limits.server'
import { loader as myOrganisationsLoader } from '~/routes/my.organisations/route'
import {
  action as settingsAction,
  loader as settingsLoader,
} from '~/routes/organisations.$slug.settings/route'
import { loader as registerLoader } from '~/routes/organisations.new/route'
import { getDb } from '~/utils/db.server'
import { createUser, unique } from '../helpers/factories'
import {
  companyFields,
  directory,
  organisationBySlug,
  profile,
  publicBodyFields,
  register,
  signedIn,
  slugFrom,
  validOrgNumber,
  withWrongCheckDigit,
} from '../helpers/organisations-setup'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

// Registering an organisation, and public bodies awaiting verification.

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

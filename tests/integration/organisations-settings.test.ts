import type { ActionFunctionArgs } from '@remix-run/node'
import { sql } from 'kysely'
import { beforeEach, describe, expect, test } from 'vitest'
import { resetLimiters } from '~/auth/limits.server'
import {
  action as membersAction,
  loader as membersLoader,
} from '~/routes/organisations.$slug.members/route'
import {
  action as settingsAction,
  loader as settingsLoader,
} from '~/routes/organisations.$slug.settings/route'
import { getDb } from '~/utils/db.server'
import { addMember, createOrganisation, createUser, unique } from '../helpers/factories'
import {
  companyFields,
  organisationBySlug,
  profile,
  register,
  signedIn,
  slugFrom,
} from '../helpers/organisations-setup'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

// An organisation's settings, and what its pages show to members of other organisations.

beforeEach(() => {
  resetLimiters()
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

import { sql } from 'kysely'
import { beforeEach, describe, expect, test } from 'vitest'
import { resetLimiters } from '~/auth/limits.server'
import { action as membersAction } from '~/routes/organisations.$slug.members/route'
import { getDb } from '~/utils/db.server'
import { addMember, createOrganisation, createUser, unique } from '../helpers/factories'
import { directory, profile, signedIn } from '../helpers/organisations-setup'
import { actionArgs, formRequest, run } from '../helpers/requests'
import { dataOf, headerOf, statusOf } from '../helpers/responses'

// An organisation's members, the directory and public profiles.

beforeEach(() => {
  resetLimiters()
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

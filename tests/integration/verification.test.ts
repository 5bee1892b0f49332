import { sql } from 'kysely'
import { afterEach, describe, expect, test } from 'vitest'
import { DomainError } from '~/models/errors.server'
import { decideVerification, listAwaitingVerification } from '~/models/verification.server'
import { action, loader } from '~/routes/admin.verifications/route'
import { setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import {
  addMember,
  createOrganisation,
  createUser,
  sessionCookieFor,
  unique,
} from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'

const PATH = '/admin/verifications'

afterEach(() => setClockOffset(0))

type ActionReply = {
  data: {
    result: {
      status?: string
      error?: Record<string, string[] | null>
      initialValue?: Record<string, unknown>
    }
    organisationId: number | null
  }
  init: { status?: number } | null
}

async function platformAdmin() {
  const admin = await createUser(getDb(), { isPlatformAdmin: true, name: 'Astrid Admin' })
  return { admin, cookie: await sessionCookieFor(getDb(), admin.id) }
}

/** A pending public body with a Swedish- and an English-speaking administrator and a plain member. */
async function pendingPublicBody() {
  const db = getDb()
  const sv = await createUser(db, { locale: 'sv', name: 'Sven Svensson' })
  const en = await createUser(db, { locale: 'en', name: 'Emma English' })
  const member = await createUser(db, { locale: 'sv' })
  const org = await createOrganisation(db, {
    kind: 'public_body',
    adminUserId: sv.id,
    name: `Testkommun ${unique()}`,
  })
  await addMember(db, org.id, en.id, 'admin')
  await addMember(db, org.id, member.id, 'member')
  return { org, sv, en, member }
}

async function statusOf(orgId: number) {
  return getDb()
    .selectFrom('organisations')
    .select(['verification_status', 'verification_note', 'verified_by', 'verified_at'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow()
}

async function mailTo(email: string) {
  return getDb()
    .selectFrom('outbox')
    .selectAll()
    .where('to_address', '=', email)
    .orderBy('id')
    .execute()
}

describe('the verification page', () => {
  test('is a 404 to a signed-in user who is not a platform administrator, for the page and its action', async () => {
    const { org, sv } = await pendingPublicBody()
    const cookie = await sessionCookieFor(getDb(), sv.id)

    const page = await run(() => loader(loaderArgs(getRequest(PATH, { cookie }))))
    expect(page).toBeInstanceOf(Response)
    expect((page as Response).status).toBe(404)

    const post = await run(() =>
      action(
        actionArgs(
          formRequest(PATH, { organisationId: String(org.id), intent: 'verify' }, { cookie }),
        ),
      ),
    )
    expect(post).toBeInstanceOf(Response)
    expect((post as Response).status).toBe(404)
    expect((await statusOf(org.id)).verification_status).toBe('pending')
  })

  test('sends an anonymous visitor to the login page', async () => {
    const page = await run(() => loader(loaderArgs(getRequest(PATH))))
    expect((page as Response).status).toBe(302)
    expect((page as Response).headers.get('Location')).toBe(
      `/login?redirectTo=${encodeURIComponent(PATH)}`,
    )
  })

  test('lists pending public bodies oldest first with county and the registering administrator', async () => {
    const { cookie } = await platformAdmin()
    setClockOffset(-3600)
    const older = await pendingPublicBody()
    setClockOffset(0)
    const newer = await pendingPublicBody()
    const company = await createOrganisation(getDb(), { kind: 'company' })

    const data = (await loader(loaderArgs(getRequest(PATH, { cookie })))) as Awaited<
      ReturnType<typeof loader>
    >
    const ids = data.organisations.map((o) => o.id)
    expect(ids).not.toContain(company.id)
    expect(ids.indexOf(older.org.id)).toBeGreaterThanOrEqual(0)
    expect(ids.indexOf(older.org.id)).toBeLessThan(ids.indexOf(newer.org.id))
    const row = data.organisations.find((o) => o.id === newer.org.id)
    expect(row).toMatchObject({
      name: newer.org.name,
      county_name: 'Norrbottens län',
      municipality_name: 'Luleå kommun',
      admin_name: 'Sven Svensson',
      admin_email: newer.sv.email,
    })
    expect(row?.org_number).toMatch(/^\d{10}$/)
  })

  test('refuses a rejection without a reason with the error summary key, keeping what was typed', async () => {
    const { cookie } = await platformAdmin()
    const { org } = await pendingPublicBody()

    const empty = (await action(
      actionArgs(
        formRequest(
          PATH,
          { organisationId: String(org.id), intent: 'reject', reason: '   ' },
          { cookie },
        ),
      ),
    )) as unknown as ActionReply
    expect(empty.init?.status).toBe(400)
    expect(empty.data.organisationId).toBe(org.id)
    expect(empty.data.result.error).toEqual({ reason: ['admin.verifications.reasonRequired'] })
    expect(empty.data.result.initialValue).toMatchObject({
      organisationId: String(org.id),
      intent: 'reject',
    })

    const long = 'x'.repeat(1001)
    const tooLong = (await action(
      actionArgs(
        formRequest(
          PATH,
          { organisationId: String(org.id), intent: 'reject', reason: long },
          { cookie },
        ),
      ),
    )) as unknown as ActionReply
    expect(tooLong.init?.status).toBe(400)
    expect(tooLong.data.result.error).toEqual({ reason: ['errors.tooLong'] })
    expect(tooLong.data.result.initialValue?.reason).toBe(long)

    expect(await statusOf(org.id)).toMatchObject({
      verification_status: 'pending',
      verified_by: null,
    })
    expect(
      await getDb()
        .selectFrom('audit_log')
        .select('id')
        .where('organisation_id', '=', org.id)
        .execute(),
    ).toEqual([])
  })

  test('verifies: status, audit with before and after, and mail to each administrator in their own language', async () => {
    const { admin, cookie } = await platformAdmin()
    const { org, sv, en, member } = await pendingPublicBody()

    const response = await run(() =>
      action(
        actionArgs(
          formRequest(
            PATH,
            { organisationId: String(org.id), intent: 'verify', reason: '' },
            { cookie },
          ),
        ),
      ),
    )
    expect((response as Response).status).toBe(302)
    expect((response as Response).headers.get('Location')).toBe(
      `${PATH}?done=verified&id=${org.id}`,
    )

    const row = await statusOf(org.id)
    expect(row).toMatchObject({
      verification_status: 'verified',
      verified_by: admin.id,
      verification_note: null,
    })
    expect(row.verified_at).toBeGreaterThan(0)

    const entries = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .execute()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'organisation.verify',
      actor_user_id: admin.id,
      entity_type: 'organisation',
      entity_id: String(org.id),
      ip: '127.0.0.1',
    })
    expect(JSON.parse(entries[0]!.before_json!)).toMatchObject({ verification_status: 'pending' })
    expect(JSON.parse(entries[0]!.after_json!)).toMatchObject({
      verification_status: 'verified',
      verified_by: admin.id,
    })

    const link = `http://localhost:3000/organisations/${org.slug}`
    const [svMail] = await mailTo(sv.email)
    expect(svMail).toMatchObject({
      template: 'verification_approved',
      subject: `${org.name} är verifierad i Testarena`,
    })
    expect(svMail!.text_body).toContain(link)
    const [enMail] = await mailTo(en.email)
    expect(enMail).toMatchObject({
      template: 'verification_approved',
      subject: `${org.name} is verified on Testarena`,
    })
    expect(enMail!.text_body).toContain(link)
    expect(await mailTo(member.email)).toEqual([])

    // The notice after the redirect names the organisation; it has left the list.
    const page = (await loader(
      loaderArgs(getRequest(`${PATH}?done=verified&id=${org.id}`, { cookie })),
    )) as Awaited<ReturnType<typeof loader>>
    expect(page.notice).toEqual({ status: 'verified', name: org.name })
    expect(page.organisations.map((o) => o.id)).not.toContain(org.id)
  })

  test('rejects with the reason stored and sent to the administrators', async () => {
    const { admin, cookie } = await platformAdmin()
    const { org, sv, en } = await pendingPublicBody()
    const reason = 'Organisationsnumret tillhör ett privat bolag.'

    const response = await run(() =>
      action(
        actionArgs(
          formRequest(
            PATH,
            { organisationId: String(org.id), intent: 'reject', reason },
            { cookie },
          ),
        ),
      ),
    )
    expect((response as Response).headers.get('Location')).toBe(
      `${PATH}?done=rejected&id=${org.id}`,
    )
    expect(await statusOf(org.id)).toMatchObject({
      verification_status: 'rejected',
      verification_note: reason,
      verified_by: admin.id,
    })

    const [audit] = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .execute()
    expect(audit?.action).toBe('organisation.reject')
    expect(JSON.parse(audit!.after_json!)).toMatchObject({
      verification_status: 'rejected',
      verification_note: reason,
    })

    const [svMail] = await mailTo(sv.email)
    expect(svMail).toMatchObject({
      template: 'verification_rejected',
      subject: `${org.name} kunde inte verifieras i Testarena`,
    })
    expect(svMail!.text_body).toContain(`Motivering: ${reason}`)
    const [enMail] = await mailTo(en.email)
    expect(enMail!.subject).toBe(`${org.name} could not be verified on Testarena`)
    expect(enMail!.text_body).toContain(`Reason: ${reason}`)
  })

  test('a second decision on the same organisation gets a translated error and changes nothing', async () => {
    const { cookie } = await platformAdmin()
    const { org, sv } = await pendingPublicBody()
    await action(
      actionArgs(
        formRequest(PATH, { organisationId: String(org.id), intent: 'verify' }, { cookie }),
      ),
    )

    const again = (await action(
      actionArgs(
        formRequest(
          PATH,
          { organisationId: String(org.id), intent: 'reject', reason: 'Fel organisationsnummer' },
          { cookie },
        ),
      ),
    )) as unknown as ActionReply
    expect(again.init?.status).toBe(400)
    expect(again.data.result.error).toEqual({ '': ['errors.domain.not_pending'] })
    expect((await statusOf(org.id)).verification_status).toBe('verified')
    expect(await mailTo(sv.email)).toHaveLength(1)
  })

  test('an unknown or tampered organisation id is a 400, never a 500', async () => {
    const { cookie } = await platformAdmin()
    const unknown = (await action(
      actionArgs(formRequest(PATH, { organisationId: '99999999', intent: 'verify' }, { cookie })),
    )) as unknown as ActionReply
    expect(unknown.init?.status).toBe(400)
    expect(unknown.data.result.error).toEqual({ '': ['errors.domain.not_found'] })

    const tampered = (await action(
      actionArgs(formRequest(PATH, { organisationId: 'abc', intent: 'promote' }, { cookie })),
    )) as unknown as ActionReply
    expect(tampered.init?.status).toBe(400)
    expect(Object.keys(tampered.data.result.error ?? {}).sort()).toEqual([
      'intent',
      'organisationId',
    ])
  })
})

describe('only a platform administrator can decide', () => {
  test('the model refuses a non-administrator and leaves no trace', async () => {
    const { org, sv } = await pendingPublicBody()
    await expect(decideVerification(getDb(), sv.id, org.id, 'verify')).rejects.toEqual(
      new DomainError('verification_by_admin_only'),
    )
    expect((await statusOf(org.id)).verification_status).toBe('pending')
    expect(await mailTo(sv.email)).toEqual([])
    expect((await listAwaitingVerification(getDb())).map((o) => o.id)).toContain(org.id)
  })

  test('the model refuses a rejection without a reason before the database has to', async () => {
    const { admin } = await platformAdmin()
    const { org } = await pendingPublicBody()
    await expect(decideVerification(getDb(), admin.id, org.id, 'reject', '  ')).rejects.toEqual(
      new DomainError('reason_required'),
    )
  })

  test('raw SQL with a non-administrator as verifier is refused by the database', async () => {
    const { org, sv } = await pendingPublicBody()
    for (const status of ['verified', 'rejected']) {
      await expect(
        sql`UPDATE organisations SET verification_status = ${status}, verification_note = 'Kontrollerad mot registret', verified_by = ${sv.id} WHERE id = ${org.id}`.execute(
          getDb(),
        ),
      ).rejects.toThrow(/verification_by_admin_only/)
    }
    expect((await statusOf(org.id)).verification_status).toBe('pending')
  })
})

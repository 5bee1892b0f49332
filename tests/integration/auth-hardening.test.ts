import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { resetLimiters } from '~/auth/limits.server'
import { generateToken, hashToken } from '~/auth/tokens.server'
import { getLocale } from '~/i18n/locale.server'
import { getTranslator } from '~/i18n/messages'
import { translateError } from '~/i18n/use-t'
import { action as accountAction } from '~/routes/account/route'
import { action as applicationAction } from '~/routes/applications.$applicationId/route'
import { action as juryAction } from '~/routes/competitions.$year.jury/route'
import { action as loginAction } from '~/routes/login/route'
import { action as pilotAction } from '~/routes/pilots.$pilotId/route'
import { action as referenceAction } from '~/routes/references.$referenceId._index/route'
import { action as referenceEditAction } from '~/routes/references.$referenceId.edit/route'
import { action as resetAction } from '~/routes/reset-password.$token/route'
import { action as signupAction } from '~/routes/signup/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { resetClock } from '../helpers/call-factories'
import { createUser, sessionCookieFor, TEST_PASSWORD } from '../helpers/factories'
import { createCompletedPilot, createReference } from '../helpers/reference-factories'
import { actionArgs, formRequest, run, testContext } from '../helpers/requests'
import { formResult, headerOf, statusOf } from '../helpers/responses'
import {
  createCompany,
  createDraftApplication,
  createHost,
  createOffer,
} from '../helpers/test-bed-factories'

// Issue 13: logins throttled per account and address rather than per address alone, weak
// passwords refused next to the field, and permission checked before a form is validated.

const LIMIT_KEYS = ['LOGIN_LIMIT_PER_IP', 'LOGIN_LIMIT_PER_ACCOUNT', 'LOGIN_LIMIT_PER_IP_ACCOUNT']

function setEnv(values: Record<string, string>) {
  Object.assign(process.env, values)
  resetEnvCache()
  resetLimiters()
}

beforeEach(() => resetLimiters())
afterEach(() => {
  for (const key of LIMIT_KEYS) delete process.env[key]
  resetEnvCache()
  resetLimiters()
  resetClock()
})

const cookieOf = (userId: number) => sessionCookieFor(getDb(), userId)

function login(email: string, password: string, ip: string, headers: Record<string, string> = {}) {
  return run(() =>
    loginAction({
      request: formRequest('/login', { email, password }, { headers }),
      params: {},
      context: { ...testContext, clientIp: ip },
    }),
  )
}

describe('login throttling per account and address', () => {
  const office = '192.0.2.10'
  const guesser = '198.51.100.7'

  test('a guesser at one address is stopped with a translated 429, while the owner elsewhere and a colleague at the same address get in', async () => {
    setEnv({ LOGIN_LIMIT_PER_IP_ACCOUNT: '3' })
    const owner = await createUser(getDb())
    const colleague = await createUser(getDb())
    for (let i = 0; i < 3; i++) {
      expect(statusOf(await login(owner.email, `fel-${i}-lösenord`, guesser))).toBe(400)
    }
    const headers = { 'Accept-Language': 'en-GB,en;q=0.8' }
    const blocked = await login(owner.email, TEST_PASSWORD, guesser, headers)
    expect(statusOf(blocked)).toBe(429)
    expect(headerOf(blocked, 'Retry-After')).toBe('300')
    expect(headerOf(blocked, 'Set-Cookie')).toBeNull()
    const [message] = formResult(blocked).error?.[''] ?? []
    const t = getTranslator(getLocale(formRequest('/login', {}, { headers })))
    expect(translateError(t, message ?? '')).toBe(
      'Too many attempts. Wait 5 minutes and try again.',
    )

    expect(statusOf(await login(owner.email, TEST_PASSWORD, office))).toBe(302)
    expect(statusOf(await login(colleague.email, TEST_PASSWORD, guesser))).toBe(302)
  })

  test('LOGIN_LIMIT_PER_IP still caps failures from one address across accounts', async () => {
    setEnv({ LOGIN_LIMIT_PER_IP: '2' })
    const user = await createUser(getDb())
    const a = await createUser(getDb())
    const b = await createUser(getDb())
    expect(statusOf(await login(a.email, 'gissat-lösen-1', guesser))).toBe(400)
    expect(statusOf(await login(b.email, 'gissat-lösen-2', guesser))).toBe(400)
    expect(statusOf(await login(user.email, TEST_PASSWORD, guesser))).toBe(429)
    expect(statusOf(await login(user.email, TEST_PASSWORD, office))).toBe(302)
  })
})

describe('weak passwords are refused next to the field', () => {
  function changePassword(cookie: string, password: string) {
    return run(() =>
      accountAction(
        actionArgs(
          formRequest(
            '/account',
            { intent: 'password', currentPassword: TEST_PASSWORD, password, confirm: password },
            { cookie },
          ),
        ),
      ),
    )
  }

  test('a password change refuses a common password, a repeated character, a sequence and the own e-mail address', async () => {
    const user = await createUser(getDb())
    const cookie = await cookieOf(user.id)
    for (const [password, message] of [
      ['aaaaaaaa', 'auth.passwordRule.repeated'],
      ['12345678', 'errors.passwordCommon'],
      ['23456789', 'auth.passwordRule.sequence'],
      ['cdef6789', 'auth.passwordRule.sequence'],
      [user.email.toUpperCase(), 'auth.passwordRule.personal'],
    ] as const) {
      const result = await changePassword(cookie, password)
      expect(statusOf(result)).toBe(400)
      expect(formResult(result).error).toEqual({ password: [message] })
    }
    expect(statusOf(await changePassword(cookie, 'testarena-demo'))).toBe(302)
  })

  test('sign-up refuses "aaaaaaaa" and a password equal to the e-mail address typed in the form', async () => {
    for (const [password, message] of [
      ['aaaaaaaa', 'auth.passwordRule.repeated'],
      ['Nora.Nystrom@Example.test', 'auth.passwordRule.personal'],
    ] as const) {
      const result = await run(() =>
        signupAction(
          actionArgs(
            formRequest('/signup', {
              name: 'Nora Nyström',
              email: 'nora.nystrom@example.test',
              password,
              confirm: password,
            }),
          ),
        ),
      )
      expect(statusOf(result)).toBe(400)
      expect(formResult(result).error).toEqual({ password: [message] })
    }
  })

  async function resetLink(userId: number) {
    const token = generateToken()
    await getDb()
      .insertInto('password_resets')
      .values({
        id: hashToken(token),
        user_id: userId,
        created_at: now(),
        expires_at: now() + 3600,
        used_at: null,
      })
      .execute()
    return token
  }

  function reset(token: string, password: string) {
    return run(() =>
      resetAction(
        actionArgs(formRequest(`/reset-password/${token}`, { password, confirm: password }), {
          token,
        }),
      ),
    )
  }

  test('a reset refuses the account holder’s name, and the message reads in both languages', async () => {
    const user = await createUser(getDb(), { name: 'Greta Lövgren' })
    const token = await resetLink(user.id)
    const result = await reset(token, 'greta lövgren')
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ password: ['auth.passwordRule.personal'] })
    expect(getTranslator('sv')('auth.passwordRule.personal')).toBe(
      'Lösenordet får inte vara din e-postadress eller ditt namn.',
    )
    expect(getTranslator('en')('auth.passwordRule.personal')).toBe(
      'The password must not be your email address or your name.',
    )
    expect(statusOf(await reset(token, 'greta-i-fjällen-77'))).toBe(302)
  })

  test('a used reset link answers 410 whatever was typed, not the password rules', async () => {
    const user = await createUser(getDb())
    const token = await resetLink(user.id)
    expect(statusOf(await reset(token, 'greta-i-fjällen-77'))).toBe(302)
    const again = await reset(token, 'aaaa')
    expect(statusOf(again)).toBe(410)
    expect(JSON.stringify(again)).not.toContain('errors.passwordTooShort')
  })
})

describe('permission is checked before the form is validated', () => {
  test('a pilot’s thread: an outsider posting an empty message gets 404, a party gets the field error', async () => {
    const { pilotId, host } = await createCompletedPilot(getDb())
    const outsider = await createUser(getDb())
    const post = async (userId: number) =>
      run(async () =>
        pilotAction(
          actionArgs(
            formRequest(
              `/pilots/${pilotId}`,
              { intent: 'message', body: '' },
              { cookie: await cookieOf(userId) },
            ),
            { pilotId: String(pilotId) },
          ),
        ),
      )
    expect(statusOf(await post(outsider.id))).toBe(404)
    const party = await post(host.user.id)
    expect(statusOf(party)).toBe(400)
    expect(formResult(party).error?.body).toBeDefined()
  })

  test('a draft reference: an outsider posting an empty edit gets 404, a party gets field errors', async () => {
    const { reference, host } = await createReference(getDb())
    const outsider = await createUser(getDb())
    const post = async (userId: number) =>
      run(async () =>
        referenceEditAction(
          actionArgs(
            formRequest(`/references/${reference.id}/edit`, {}, { cookie: await cookieOf(userId) }),
            { referenceId: String(reference.id) },
          ),
        ),
      )
    expect(statusOf(await post(outsider.id))).toBe(404)
    const party = await post(host.user.id)
    expect(statusOf(party)).toBe(400)
    expect(Object.keys(formResult(party).error ?? {}).length).toBeGreaterThan(0)
  })

  test('a published reference: an outsider withdrawing it without a reason gets 404, not the rule', async () => {
    const { reference, company } = await createReference(getDb(), { status: 'published' })
    const outsider = await createUser(getDb())
    const post = async (userId: number) =>
      run(async () =>
        referenceAction(
          actionArgs(
            formRequest(
              `/references/${reference.id}`,
              { intent: 'withdraw', reason: '' },
              { cookie: await cookieOf(userId) },
            ),
            { referenceId: String(reference.id) },
          ),
        ),
      )
    expect(statusOf(await post(outsider.id))).toBe(404)
    const party = await post(company.user.id)
    expect(statusOf(party)).toBe(400)
    expect(formResult(party).error?.reason).toBeDefined()
  })

  test('a jury page: someone not on the jury posting an invalid score gets 404', async () => {
    const outsider = await createUser(getDb())
    const year = 2091
    const result = await run(async () =>
      juryAction(
        actionArgs(
          formRequest(
            `/competitions/${year}/jury`,
            { intent: 'score', nomination_id: 'x', score: '99' },
            { cookie: await cookieOf(outsider.id) },
          ),
          { year: String(year) },
        ),
      ),
    )
    expect(statusOf(result)).toBe(404)
  })

  test('an application: another company’s member posting a made-up intent gets 404', async () => {
    const host = await createHost(getDb())
    const company = await createCompany(getDb())
    const offer = await createOffer(getDb(), host)
    const application = await createDraftApplication(getDb(), offer.id, company)
    const other = await createCompany(getDb())
    const result = await run(async () =>
      applicationAction(
        actionArgs(
          formRequest(
            `/applications/${application.id}`,
            { intent: 'nonsense' },
            { cookie: await cookieOf(other.user.id) },
          ),
          { applicationId: String(application.id) },
        ),
      ),
    )
    expect(statusOf(result)).toBe(404)
  })
})

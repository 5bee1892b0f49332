import { loader as directoryLoader } from '~/routes/organisations._index/route'
import { loader as profileLoader } from '~/routes/organisations.$slug._index/route'
import { action as registerAction } from '~/routes/organisations.new/route'
import { getDb } from '~/utils/db.server'
import { createUser, sessionCookieFor, unique } from './factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from './requests'

// Shared setup for the organisation integration tests (organisations-*.test.ts): valid and
// invalid organisation numbers, registration fields, and the routes' loaders and actions.

/**
 * A random organisation number the `organisationsnummer` package accepts: the third digit is at
 * least 2 (the "month" of a legal person is 20 or more) and the last digit is the Luhn check digit.
 */
export function validOrgNumber(prefix = '55'): string {
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
export function withWrongCheckDigit(digits: string): string {
  const last = Number(digits[9])
  return `${digits.slice(0, 6)}-${digits.slice(6, 9)}${(last + 1) % 10}`
}

export function companyFields(
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

export function publicBodyFields(
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

export async function signedIn(options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(getDb(), options)
  return { user, cookie: await sessionCookieFor(getDb(), user.id) }
}

export function register(fields: Record<string, string | string[]>, cookie?: string) {
  return run(() =>
    registerAction(actionArgs(formRequest('/organisations/new', fields, { cookie }))),
  )
}

export function profile(slug: string, cookie?: string) {
  return run(() =>
    profileLoader(loaderArgs(getRequest(`/organisations/${slug}`, { cookie }), { slug })),
  )
}

export function directory(query: string, cookie?: string) {
  return run(() => directoryLoader(loaderArgs(getRequest(`/organisations?${query}`, { cookie }))))
}

export function slugFrom(location: string | null): string {
  const match = /^\/organisations\/([a-z0-9-]+)\?registered=1$/.exec(location ?? '')
  if (!match?.[1]) throw new Error(`Unexpected redirect: ${location}`)
  return match[1]
}

export async function organisationBySlug(slug: string) {
  return getDb()
    .selectFrom('organisations')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow()
}

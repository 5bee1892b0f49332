import type { DB } from '#db/connection'
import type { MemberRole, OrganisationKind } from '#db/schema'
import { hashPassword } from '~/auth/password.server'
import { createSession, sessionCookieName } from '~/auth/session.server'
import { now } from '~/utils/clock.server'

let counter = 0
/** A value no other test uses, so tests never collide. */
export function unique(prefix = 'x'): string {
  counter++
  return `${prefix}${process.pid}${Date.now().toString(36)}${counter}`
}

// One argon2 hash for every test user: hashing is deliberately slow.
let cachedHash: Promise<string> | undefined
export const TEST_PASSWORD = 'korrekt-häst-batteri-häftklammer'

export async function createUser(
  db: DB,
  overrides: Partial<{
    email: string
    name: string
    isPlatformAdmin: boolean
    locale: 'sv' | 'en'
  }> = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD)
  const at = now()
  const email = overrides.email ?? `${unique('user')}@example.test`
  const row = await db
    .insertInto('users')
    .values({
      email,
      name: overrides.name ?? 'Test Person',
      password_hash: await cachedHash,
      locale: overrides.locale ?? 'sv',
      is_platform_admin: overrides.isPlatformAdmin ? 1 : 0,
      created_at: at,
      updated_at: at,
      password_changed_at: at,
      email_confirmed_at: at,
    })
    .returning(['id', 'email', 'name'])
    .executeTakeFirstOrThrow()
  return row
}

/**
 * A valid organisation number: the third digit is 2 or more (as for every legal entity) and the
 * last is the Luhn check digit.
 */
export function orgNumber(prefix: '55' | '21' | '23' = '55'): string {
  const third = String(2 + Math.floor(Math.random() * 8))
  const body = prefix + third + String(Math.floor(Math.random() * 1e6)).padStart(6, '0')
  let sum = 0
  for (let i = 0; i < 9; i++) {
    let v = Number(body[i]) * (i % 2 === 0 ? 2 : 1)
    if (v > 9) v -= 9
    sum += v
  }
  return body + String((10 - (sum % 10)) % 10)
}

/**
 * Inserts an organisation directly (public bodies and intermediaries start pending, as the
 * database insists).
 */
export async function createOrganisation(
  db: DB,
  options: { kind?: OrganisationKind; adminUserId?: number; name?: string } = {},
) {
  const kind = options.kind ?? 'company'
  const at = now()
  const slug = unique('org-').toLowerCase()
  const org = await db
    .insertInto('organisations')
    .values({
      slug,
      kind,
      public_body_type: kind === 'public_body' ? 'municipality' : null,
      intermediary_type: kind === 'intermediary' ? 'cluster' : null,
      name: options.name ?? `Org ${slug}`,
      org_number: orgNumber(kind === 'public_body' ? '21' : '55'),
      county_code: '25',
      municipality_code: '2580',
      size_class: kind === 'company' ? 'small' : null,
      website: null,
      description: '',
      verification_status: kind === 'company' ? 'not_required' : 'pending',
      verification_note: null,
      verified_at: null,
      verified_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning(['id', 'slug', 'name', 'kind'])
    .executeTakeFirstOrThrow()
  if (options.adminUserId) await addMember(db, org.id, options.adminUserId, 'admin')
  return org
}

export async function addMember(db: DB, organisationId: number, userId: number, role: MemberRole) {
  await db
    .insertInto('memberships')
    .values({ organisation_id: organisationId, user_id: userId, role, created_at: now() })
    .execute()
}

/** A Cookie header that signs the user in. */
export async function sessionCookieFor(db: DB, userId: number): Promise<string> {
  const { token } = await createSession(db, userId)
  return `${sessionCookieName()}=${token}`
}

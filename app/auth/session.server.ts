import { parse, serialize } from 'cookie'
import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { generateToken, hashToken } from './tokens.server'

/** Lucia-style session: the cookie holds a random token, the database its SHA-256. */

export function sessionCookieName(): string {
  return getEnv().secureCookies ? '__Host-testarena_session' : 'testarena_session'
}

export interface SessionUser {
  sessionId: string
  id: number
  email: string
  name: string
  locale: 'sv' | 'en'
  isPlatformAdmin: boolean
}

/** Creates a session and returns the token to put in the cookie (never stored). */
export async function createSession(
  db: DB,
  userId: number,
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<{ token: string; expiresAt: number }> {
  const env = getEnv()
  const token = generateToken()
  const at = now()
  const expiresAt = at + env.SESSION_MAX_HOURS * 3600
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute()
  return { token, expiresAt }
}

/**
 * The user behind a token, or null. A session ends at its absolute expiry or after the idle
 * timeout; an ended session is deleted. Activity is recorded at most once a minute.
 */
export async function validateSessionToken(db: DB, token: string): Promise<SessionUser | null> {
  const env = getEnv()
  const id = hashToken(token)
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.email',
      'users.name',
      'users.locale',
      'users.is_platform_admin',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const at = now()
  if (at >= row.expires_at || at - row.last_seen_at >= env.SESSION_IDLE_MINUTES * 60) {
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return null
  }
  if (at - row.last_seen_at >= 60) {
    await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute()
  }
  return {
    sessionId: row.sessionId,
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    isPlatformAdmin: row.is_platform_admin === 1,
  }
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}

/** Ends every session of a user, except `keepSessionId` if given (password change). */
export async function invalidateUserSessions(
  db: DB,
  userId: number,
  keepSessionId?: string,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepSessionId) query = query.where('id', '<>', keepSessionId)
  await query.execute()
}

export async function listUserSessions(db: DB, userId: number) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now())
    .orderBy('last_seen_at', 'desc')
    .execute()
}

/** Deletes expired sessions; run now and then so the table does not grow without bound. */
export async function deleteExpiredSessions(db: DB): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now()).execute()
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get('Cookie')
  if (!header) return null
  const token = parse(header)[sessionCookieName()]
  return token && /^[a-z2-7]{32}$/.test(token) ? token : null
}

export function sessionCookie(token: string, expiresAt: number): string {
  const env = getEnv()
  return serialize(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.secureCookies,
    path: '/',
    maxAge: Math.max(0, expiresAt - now()),
  })
}

export function clearSessionCookie(): string {
  return serialize(sessionCookieName(), '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().secureCookies,
    path: '/',
    maxAge: 0,
  })
}

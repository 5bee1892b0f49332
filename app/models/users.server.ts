import type { DB } from '#db/connection'
import type { Locale } from '#db/schema'
import { loginRetryAfterMs, recordLoginFailure, recordLoginSuccess } from '~/auth/limits.server'
import { hashPassword, verifyAgainstDummy, verifyPassword } from '~/auth/password.server'
import { invalidateSession, invalidateUserSessions } from '~/auth/session.server'
import { generateToken, hashToken } from '~/auth/tokens.server'
import { formatDateTime } from '~/i18n/format'
import { audit } from '~/models/audit.server'
import { DomainError, withRules } from '~/models/errors.server'
import { queueMail } from '~/models/outbox.server'
import { now } from '~/utils/clock.server'

/** How long a password reset link works. */
export const RESET_TTL_SECONDS = 60 * 60

/** E-mail addresses are stored and compared lower-case and trimmed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** Remembers the user's language, so mail to them is written in it. */
export async function setUserLocale(db: DB, userId: number, locale: Locale): Promise<void> {
  await db
    .updateTable('users')
    .set({ locale, updated_at: now() })
    .where('id', '=', userId)
    .where('locale', '<>', locale)
    .execute()
}

export async function getUserById(db: DB, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'created_at', 'password_changed_at'])
    .where('id', '=', userId)
    .executeTakeFirst()
}

// ---------------------------------------------------------------------------------------------
// Login (sign-up is in signup.server.ts)

export type AuthResult =
  | { status: 'ok'; user: { id: number; email: string; name: string; locale: Locale } }
  /** Wrong email or wrong password: deliberately the same answer. */
  | { status: 'invalid' }
  | { status: 'throttled'; retryAfterMs: number }
  /** The right password, but the address is not confirmed yet (said only to the password holder). */
  | { status: 'unconfirmed' }

/**
 * Checks an email and password. Failed attempts are counted per account and IP, per account and
 * per IP (app/auth/limits.server.ts); when any is spent the answer is 'throttled' without looking
 * at the password. An unknown email costs the
 * same hashing time as a wrong password, so the response does not reveal which accounts exist.
 * Every attempt is audited (never the password).
 */
export async function authenticate(
  db: DB,
  email: string,
  password: string,
  ip: string,
): Promise<AuthResult> {
  const account = normaliseEmail(email).slice(0, 254)

  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'password_hash', 'email_confirmed_at'])
    .where('email', '=', account)
    .executeTakeFirst()

  const record = (action: string, reason?: string) =>
    db.transaction().execute((tx) =>
      audit(tx, {
        actorUserId: user?.id ?? null,
        action,
        entityType: 'user',
        entityId: user?.id ?? null,
        after: reason ? { email: account, reason } : { email: account },
        ip,
      }),
    )

  const retryAfterMs = loginRetryAfterMs(ip, account)
  if (retryAfterMs !== null) {
    await record('auth.login_failed', 'throttled')
    return { status: 'throttled', retryAfterMs }
  }

  let ok = false
  if (user) ok = await verifyPassword(user.password_hash, password)
  else await verifyAgainstDummy(password)

  if (!user || !ok) {
    recordLoginFailure(ip, account)
    await record('auth.login_failed', user ? 'wrong_password' : 'unknown_email')
    return { status: 'invalid' }
  }

  if (user.email_confirmed_at === null) {
    await record('auth.login_failed', 'unconfirmed')
    return { status: 'unconfirmed' }
  }

  recordLoginSuccess(ip, account)
  await record('auth.login')
  return {
    status: 'ok',
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
  }
}

/** Ends one session (logging out) and records it. */
export async function logOut(
  db: DB,
  userId: number,
  sessionId: string,
  ip?: string | null,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await invalidateSession(tx, sessionId)
    await audit(tx, {
      actorUserId: userId,
      action: 'auth.logout',
      entityType: 'user',
      entityId: userId,
      ip,
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Account

export async function updateUserName(
  db: DB,
  userId: number,
  name: string,
  ip?: string | null,
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('users')
        .select('name')
        .where('id', '=', userId)
        .executeTakeFirst()
      if (!before) throw new DomainError('not_found')
      const trimmed = name.trim()
      if (before.name === trimmed) return
      await tx
        .updateTable('users')
        .set({ name: trimmed, updated_at: now() })
        .where('id', '=', userId)
        .execute()
      await audit(tx, {
        actorUserId: userId,
        action: 'user.name_changed',
        entityType: 'user',
        entityId: userId,
        before: { name: before.name },
        after: { name: trimmed },
        ip,
      })
    }),
  )
}

/**
 * Changes the password after checking the current one, ends every other session of the user
 * (the current one stays) and tells the user by mail. A wrong current password is
 * DomainError('wrong_password').
 */
export async function changePassword(
  db: DB,
  userId: number,
  sessionId: string,
  current: string,
  next: string,
  meta: { ip?: string | null; origin?: string } = {},
): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'password_hash'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user) throw new DomainError('not_found')
  if (!(await verifyPassword(user.password_hash, current))) throw new DomainError('wrong_password')
  const passwordHash = await hashPassword(next)
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const at = now()
      await tx
        .updateTable('users')
        .set({ password_hash: passwordHash, password_changed_at: at, updated_at: at })
        .where('id', '=', userId)
        .execute()
      await invalidateUserSessions(tx, userId, sessionId)
      await queueMail(tx, {
        to: user.email,
        locale: user.locale,
        template: 'password_changed',
        params: {
          name: user.name,
          time: formatDateTime(at, user.locale),
          link: `${meta.origin ?? ''}/forgot-password`,
        },
      })
      await audit(tx, {
        actorUserId: userId,
        action: 'user.password_changed',
        entityType: 'user',
        entityId: userId,
        ip: meta.ip,
      })
    }),
  )
}

/** Ends one of the user's own sessions (never the current one); false when there was none. */
export async function revokeUserSession(
  db: DB,
  userId: number,
  sessionId: string,
  currentSessionId: string,
  ip?: string | null,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const result = await tx
      .deleteFrom('sessions')
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .where('id', '<>', currentSessionId)
      .executeTakeFirst()
    if (Number(result.numDeletedRows) === 0) return false
    await audit(tx, {
      actorUserId: userId,
      action: 'session.revoked',
      entityType: 'user',
      entityId: userId,
      ip,
    })
    return true
  })
}

/** "Log out everywhere else": ends every session of the user except the current one. */
export async function revokeOtherSessions(
  db: DB,
  userId: number,
  currentSessionId: string,
  ip?: string | null,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await invalidateUserSessions(tx, userId, currentSessionId)
    await audit(tx, {
      actorUserId: userId,
      action: 'session.revoked_others',
      entityType: 'user',
      entityId: userId,
      ip,
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Password reset

/**
 * Sends a reset link if an account has this address; does nothing visible otherwise, so the
 * caller answers the same either way and nobody can find out which addresses have accounts.
 * The link holds a random token; the database stores only its hash.
 */
export async function requestPasswordReset(
  db: DB,
  email: string,
  origin: string,
  meta: { ip?: string | null } = {},
): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst()
  if (!user) return
  const token = generateToken()
  await db.transaction().execute(async (tx) => {
    const at = now()
    await tx
      .insertInto('password_resets')
      .values({
        id: hashToken(token),
        user_id: user.id,
        created_at: at,
        expires_at: at + RESET_TTL_SECONDS,
        used_at: null,
      })
      .execute()
    await queueMail(tx, {
      to: user.email,
      locale: user.locale,
      template: 'password_reset',
      params: { name: user.name, link: `${origin}/reset-password/${token}` },
    })
    await audit(tx, {
      actorUserId: null,
      action: 'user.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
      ip: meta.ip,
    })
  })
}

/** True when the token is a reset link that can still be used. */
export async function isPasswordResetValid(db: DB, token: string): Promise<boolean> {
  return (await passwordResetAccount(db, token)) !== null
}

/** Whose account a usable reset link is for (the new password may not be their name), or null. */
export async function passwordResetAccount(
  db: DB,
  token: string,
): Promise<{ email: string; name: string } | null> {
  const row = await db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['users.email', 'users.name'])
    .where('password_resets.id', '=', hashToken(token))
    .where('password_resets.used_at', 'is', null)
    .where('password_resets.expires_at', '>', now())
    .executeTakeFirst()
  return row ?? null
}

/**
 * Sets a new password through a reset link. The link then stops working (as do the user's other
 * open links), and every session of the user ends. An unknown, used or expired link is
 * DomainError('reset_invalid').
 */
export async function resetPassword(
  db: DB,
  token: string,
  newPassword: string,
  meta: { ip?: string | null; origin?: string } = {},
): Promise<{ userId: number }> {
  const id = hashToken(token)
  if (!(await isPasswordResetValid(db, token))) throw new DomainError('reset_invalid')
  const passwordHash = await hashPassword(newPassword)
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const at = now()
      // Claim the link inside the transaction: of two simultaneous uses, only one gets it.
      const reset = await tx
        .updateTable('password_resets')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning('user_id')
        .executeTakeFirst()
      if (!reset) throw new DomainError('reset_invalid')
      const user = await tx
        .updateTable('users')
        .set((eb) => ({
          password_hash: passwordHash,
          password_changed_at: at,
          updated_at: at,
          // The reset link went to the address, so it confirms an unconfirmed sign-up too.
          email_confirmed_at: eb.fn.coalesce('email_confirmed_at', eb.val(at)),
        }))
        .where('id', '=', reset.user_id)
        .returning(['id', 'email', 'name', 'locale'])
        .executeTakeFirstOrThrow()
      await tx
        .updateTable('password_resets')
        .set({ used_at: at })
        .where('user_id', '=', user.id)
        .where('used_at', 'is', null)
        .execute()
      await invalidateUserSessions(tx, user.id)
      await queueMail(tx, {
        to: user.email,
        locale: user.locale,
        template: 'password_changed',
        params: {
          name: user.name,
          time: formatDateTime(at, user.locale),
          link: `${meta.origin ?? ''}/forgot-password`,
        },
      })
      await audit(tx, {
        actorUserId: user.id,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
        ip: meta.ip,
      })
      return { userId: user.id }
    }),
  )
}

import type { DB } from '#db/connection'
import type { Locale } from '#db/schema'
import { hashPassword } from '~/auth/password.server'
import { generateToken, hashToken } from '~/auth/tokens.server'
import { audit } from '~/models/audit.server'
import { withRules } from '~/models/errors.server'
import { getInvitationByToken } from '~/models/invitations.server'
import { queueMail } from '~/models/outbox.server'
import { normaliseEmail } from '~/models/users.server'
import { now } from '~/utils/clock.server'

// Sign-up with a confirmed address: the answer never says whether an address has an account.

export interface NewAccount {
  email: string
  name: string
  password: string
  locale: Locale
}

/** How long a sign-up confirmation link works. */
export const CONFIRMATION_TTL_SECONDS = 24 * 60 * 60

export type SignUpResult =
  /** The answer for every address: a mail went out (a link, or "someone tried" to the owner). */
  | { status: 'mailed' }
  /** An open invitation to this very address proved it: the account is confirmed and usable. */
  | { status: 'confirmed'; user: { id: number; email: string; name: string } }

/**
 * Signs up without revealing whether the address has an account. The password is hashed first
 * in every branch, and every branch queues exactly one mail:
 * - a new address gets an unconfirmed account and a single-use link (`/signup/confirm/<token>`)
 *   that expires after CONFIRMATION_TTL_SECONDS;
 * - an address that signed up but never confirmed gets a fresh link (earlier ones keep working
 *   until one is used); the account's stored password becomes this sign-up's;
 * - a confirmed address is left as it is, and its owner is told that someone tried, with links
 *   to log in and to reset the password.
 * `invitationToken` (from an invitation link, which went to the address) confirms a new or
 * unconfirmed address at once, when it is an open invitation to exactly this address.
 */
export async function signUp(
  db: DB,
  input: NewAccount & { invitationToken?: string | null },
  meta: { ip?: string | null; origin: string; redirectTo?: string | null },
): Promise<SignUpResult> {
  const email = normaliseEmail(input.email)
  const name = input.name.trim()
  const passwordHash = await hashPassword(input.password)
  return withRules(() =>
    db.transaction().execute(async (tx): Promise<SignUpResult> => {
      const at = now()
      const existing = await tx
        .selectFrom('users')
        .select(['id', 'email', 'name', 'locale', 'email_confirmed_at'])
        .where('email', '=', email)
        .executeTakeFirst()

      if (existing && existing.email_confirmed_at !== null) {
        await queueMail(tx, {
          to: existing.email,
          locale: existing.locale,
          template: 'signup_existing',
          params: {
            name: existing.name,
            login: `${meta.origin}/login`,
            reset: `${meta.origin}/forgot-password`,
          },
        })
        await audit(tx, {
          actorUserId: null,
          action: 'user.signup_existing',
          entityType: 'user',
          entityId: existing.id,
          ip: meta.ip ?? null,
        })
        return { status: 'mailed' }
      }

      const invitation = input.invitationToken
        ? await getInvitationByToken(tx, input.invitationToken)
        : undefined
      const provedByInvitation = invitation?.state === 'open' && invitation.email === email
      const confirmedAt = provedByInvitation ? at : null

      let user: { id: number; email: string; name: string }
      if (existing) {
        user = await tx
          .updateTable('users')
          .set({
            name,
            password_hash: passwordHash,
            locale: input.locale,
            updated_at: at,
            password_changed_at: at,
            email_confirmed_at: confirmedAt,
          })
          .where('id', '=', existing.id)
          .returning(['id', 'email', 'name'])
          .executeTakeFirstOrThrow()
      } else {
        user = await tx
          .insertInto('users')
          .values({
            email,
            name,
            password_hash: passwordHash,
            locale: input.locale,
            created_at: at,
            updated_at: at,
            password_changed_at: at,
            email_confirmed_at: confirmedAt,
          })
          .returning(['id', 'email', 'name'])
          .executeTakeFirstOrThrow()
      }
      await audit(tx, {
        actorUserId: user.id,
        action: existing ? 'user.signup_repeated' : 'user.signup',
        entityType: 'user',
        entityId: user.id,
        after: {
          email: user.email,
          name: user.name,
          locale: input.locale,
          confirmed: provedByInvitation ? 'invitation' : false,
        },
        ip: meta.ip ?? null,
      })
      if (provedByInvitation) {
        await closeConfirmations(tx, user.id, at)
        return { status: 'confirmed', user }
      }

      const token = generateToken()
      await tx
        .insertInto('signup_confirmations')
        .values({
          id: hashToken(token),
          user_id: user.id,
          name,
          password_hash: passwordHash,
          locale: input.locale,
          created_at: at,
          expires_at: at + CONFIRMATION_TTL_SECONDS,
          used_at: null,
        })
        .execute()
      const query = meta.redirectTo
        ? `?${new URLSearchParams({ redirectTo: meta.redirectTo })}`
        : ''
      await queueMail(tx, {
        to: user.email,
        locale: input.locale,
        template: 'signup_confirm',
        params: { name, link: `${meta.origin}/signup/confirm/${token}${query}` },
      })
      return { status: 'mailed' }
    }),
  )
}

/** Marks every open confirmation link of a user as used. */
async function closeConfirmations(db: DB, userId: number, at: number): Promise<void> {
  await db
    .updateTable('signup_confirmations')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    // Expired links are closed already (the database refuses to use them).
    .where('expires_at', '>', at)
    .execute()
}

/** True when the token is a confirmation link that can still be used. */
export async function isSignupConfirmationValid(db: DB, token: string): Promise<boolean> {
  const row = await db
    .selectFrom('signup_confirmations')
    .select('id')
    .where('id', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now())
    .executeTakeFirst()
  return Boolean(row)
}

/**
 * Follows a confirmation link: confirms the address and gives the account the name, password
 * and language of the sign-up that sent this link. The link, and every other open link of the
 * account, then stops working. An unknown, used or expired link gives null.
 */
export async function confirmSignup(
  db: DB,
  token: string,
  meta: { ip?: string | null } = {},
): Promise<{ id: number; email: string; name: string; locale: Locale } | null> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const at = now()
      // Claimed inside the transaction: of two simultaneous uses, only one gets it.
      const link = await tx
        .updateTable('signup_confirmations')
        .set({ used_at: at })
        .where('id', '=', hashToken(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning(['user_id', 'name', 'password_hash', 'locale'])
        .executeTakeFirst()
      if (!link) return null
      const user = await tx
        .updateTable('users')
        .set({
          name: link.name,
          password_hash: link.password_hash,
          locale: link.locale,
          email_confirmed_at: at,
          password_changed_at: at,
          updated_at: at,
        })
        .where('id', '=', link.user_id)
        .where('email_confirmed_at', 'is', null)
        .returning(['id', 'email', 'name', 'locale'])
        .executeTakeFirst()
      if (!user) return null
      await closeConfirmations(tx, user.id, at)
      await audit(tx, {
        actorUserId: user.id,
        action: 'user.email_confirmed',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email },
        ip: meta.ip ?? null,
      })
      return user
    }),
  )
}

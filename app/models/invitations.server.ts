import type { DB } from '#db/connection'
import type { MemberRole } from '#db/schema'
import { generateToken, hashToken } from '~/auth/tokens.server'
import { formatDateTime } from '~/i18n/format'
import type { Locale } from '~/i18n/locales'
import { getTranslator } from '~/i18n/messages'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { assertAdmin } from './memberships.server'
import { queueMail } from './outbox.server'

/** An invitation link works for 14 days. */
export const INVITATION_TTL_SECONDS = 14 * 24 * 60 * 60

export function invitationLink(token: string): string {
  return `${getEnv().APP_ORIGIN}/invitations/${token}`
}

/**
 * An administrator invites someone by email. The link goes out in the inviter's language; an
 * earlier open invitation to the same address is withdrawn in the same transaction. Throws
 * 'already_member' when the address belongs to a member, 'not_found' for a non-administrator.
 */
export async function createInvitation(
  db: DB,
  options: {
    organisationId: number
    inviter: { id: number; name: string }
    email: string
    role: MemberRole
    locale: Locale
    ip?: string | null
  },
): Promise<{ id: number; token: string }> {
  const { organisationId, inviter, role, locale } = options
  const email = options.email.trim().toLowerCase()
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, organisationId, inviter.id)
      const org = await tx
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('id', '=', organisationId)
        .executeTakeFirstOrThrow()
      const member = await tx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select('users.id')
        .where('memberships.organisation_id', '=', organisationId)
        .where('users.email', '=', email)
        .executeTakeFirst()
      if (member) throw new DomainError('already_member')

      const at = now()
      const earlier = await tx
        .selectFrom('invitations')
        .select(['id', 'role', 'expires_at'])
        .where('organisation_id', '=', organisationId)
        .where('email', '=', email)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      if (earlier) {
        await tx
          .updateTable('invitations')
          .set({ revoked_at: at })
          .where('id', '=', earlier.id)
          .execute()
        await audit(tx, {
          actorUserId: inviter.id,
          organisationId,
          action: 'invitation.revoked',
          entityType: 'invitation',
          entityId: earlier.id,
          before: { email, role: earlier.role, expires_at: earlier.expires_at },
          after: { revoked_at: at, reason: 'reinvited' },
          ip: options.ip ?? null,
        })
      }

      const token = generateToken()
      const expiresAt = at + INVITATION_TTL_SECONDS
      const invitation = await tx
        .insertInto('invitations')
        .values({
          organisation_id: organisationId,
          email,
          role,
          token_hash: hashToken(token),
          invited_by: inviter.id,
          created_at: at,
          expires_at: expiresAt,
          accepted_at: null,
          accepted_by: null,
          revoked_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const t = getTranslator(locale)
      await queueMail(tx, {
        to: email,
        locale,
        template: 'invitation',
        params: {
          inviter: inviter.name,
          organisation: org.name,
          role: t(`invitation.mailRole.${role}`),
          email,
          expires: formatDateTime(expiresAt, locale),
          link: invitationLink(token),
        },
      })
      await audit(tx, {
        actorUserId: inviter.id,
        organisationId,
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: invitation.id,
        after: { email, role, expires_at: expiresAt },
        ip: options.ip ?? null,
      })
      return { id: invitation.id, token }
    }),
  )
}

/** Open invitations of an organisation, for its administrators. */
export async function listOpenInvitations(db: DB, organisationId: number, viewerId: number) {
  await assertAdmin(db, organisationId, viewerId)
  return db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.invited_by')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'invitations.created_at',
      'invitations.expires_at',
      'users.name as inviter_name',
    ])
    .where('invitations.organisation_id', '=', organisationId)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .orderBy('invitations.created_at', 'desc')
    .execute()
}

/** An administrator withdraws an open invitation; the link stops working. */
export async function revokeInvitation(
  db: DB,
  options: { organisationId: number; actorId: number; invitationId: number; ip?: string | null },
): Promise<void> {
  const { organisationId, actorId, invitationId } = options
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, organisationId, actorId)
      const invitation = await tx
        .selectFrom('invitations')
        .select(['id', 'email', 'role', 'accepted_at', 'revoked_at'])
        .where('id', '=', invitationId)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst()
      if (!invitation) throw new DomainError('not_found')
      const at = now()
      await tx
        .updateTable('invitations')
        .set({ revoked_at: at })
        .where('id', '=', invitation.id)
        .execute()
      await audit(tx, {
        actorUserId: actorId,
        organisationId,
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: invitation.id,
        before: { email: invitation.email, role: invitation.role },
        after: { revoked_at: at },
        ip: options.ip ?? null,
      })
    }),
  )
}

export type InvitationState = 'open' | 'expired' | 'closed'

/** What the invitation page shows: the organisation, role and inviter behind a token. */
export async function getInvitationByToken(db: DB, token: string) {
  const row = await db
    .selectFrom('invitations')
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .innerJoin('users as inviter', 'inviter.id', 'invitations.invited_by')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'invitations.expires_at',
      'invitations.accepted_at',
      'invitations.revoked_at',
      'organisations.id as organisation_id',
      'organisations.name as organisation_name',
      'organisations.slug as organisation_slug',
      'inviter.name as inviter_name',
    ])
    .where('invitations.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row) return undefined
  const state: InvitationState =
    row.accepted_at !== null || row.revoked_at !== null
      ? 'closed'
      : row.expires_at <= now()
        ? 'expired'
        : 'open'
  return { ...row, state }
}

/**
 * The invited person joins. The database checks that the signed-in user has the invited address
 * ('invitation_for_other_email') and that the invitation is still open ('invitation_closed').
 * Returns the organisation's slug.
 */
export async function acceptInvitation(
  db: DB,
  options: { token: string; userId: number; ip?: string | null },
): Promise<{ slug: string }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const invitation = await tx
        .selectFrom('invitations')
        .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
        .select([
          'invitations.id',
          'invitations.organisation_id',
          'invitations.email',
          'invitations.role',
          'invitations.expires_at',
          'invitations.accepted_at',
          'invitations.revoked_at',
          'organisations.slug',
        ])
        .where('invitations.token_hash', '=', hashToken(options.token))
        .executeTakeFirst()
      if (!invitation) throw new DomainError('not_found')
      if (invitation.accepted_at !== null || invitation.revoked_at !== null) {
        throw new DomainError('invitation_closed')
      }
      const at = now()
      if (invitation.expires_at <= at) throw new DomainError('invitation_expired')
      // The trigger compares the user's address with the invitation's.
      await tx
        .updateTable('invitations')
        .set({ accepted_at: at, accepted_by: options.userId })
        .where('id', '=', invitation.id)
        .execute()
      await tx
        .insertInto('memberships')
        .values({
          organisation_id: invitation.organisation_id,
          user_id: options.userId,
          role: invitation.role,
          created_at: at,
        })
        .execute()
      await audit(tx, {
        actorUserId: options.userId,
        organisationId: invitation.organisation_id,
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: invitation.id,
        after: { user_id: options.userId, role: invitation.role, accepted_at: at },
        ip: options.ip ?? null,
      })
      return { slug: invitation.slug }
    }),
  )
}

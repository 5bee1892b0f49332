import { z } from 'zod'
import type { DB } from '#db/connection'
import { VERIFIED_KINDS } from '~/domain/vocabularies'
import { getEnv } from '~/utils/env.server'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { queueMail } from './outbox.server'

export const VERIFICATION_DECISIONS = ['verify', 'reject'] as const
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number]

/** The longest reason an administrator may give (it goes into a mail). */
export const REASON_MAX_LENGTH = 1000

/**
 * A decision as the model accepts it: a rejection must say why. The database says the same
 * (a rejected organisation has a non-empty verification_note); this gives the readable error first.
 */
export const decisionSchema = z
  .object({
    decision: z.enum(VERIFICATION_DECISIONS, { required_error: 'errors.choose' }),
    reason: z.string().trim().max(REASON_MAX_LENGTH, 'errors.tooLong').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'reject' && !value.reason) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['reason'],
        message: 'admin.verifications.reasonRequired',
      })
    }
  })

/**
 * Public bodies and intermediaries waiting for a platform administrator, oldest first, with who
 * registered them.
 */
export async function listAwaitingVerification(db: DB) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('counties as c', 'c.code', 'o.county_code')
    .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
    .select((eb) => [
      'o.id',
      'o.slug',
      'o.name',
      'o.org_number',
      'o.kind',
      'o.public_body_type',
      'o.intermediary_type',
      'o.website',
      'o.created_at',
      'c.name as county_name',
      'm.name as municipality_name',
      // The first administrator is the person who registered the organisation.
      eb
        .selectFrom('memberships as ms')
        .innerJoin('users as u', 'u.id', 'ms.user_id')
        .select('u.name')
        .whereRef('ms.organisation_id', '=', 'o.id')
        .where('ms.role', '=', 'admin')
        .orderBy('ms.created_at', 'asc')
        .orderBy('ms.user_id', 'asc')
        .limit(1)
        .as('admin_name'),
      eb
        .selectFrom('memberships as ms')
        .innerJoin('users as u', 'u.id', 'ms.user_id')
        .select('u.email')
        .whereRef('ms.organisation_id', '=', 'o.id')
        .where('ms.role', '=', 'admin')
        .orderBy('ms.created_at', 'asc')
        .orderBy('ms.user_id', 'asc')
        .limit(1)
        .as('admin_email'),
    ])
    .where('o.kind', 'in', VERIFIED_KINDS)
    .where('o.verification_status', '=', 'pending')
    .orderBy('o.created_at', 'asc')
    .orderBy('o.id', 'asc')
    .execute()
}

/** The name and state of one public body or intermediary, for the notice after a decision. */
export async function getVerificationOutcome(db: DB, organisationId: number) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'slug', 'verification_status'])
    .where('id', '=', organisationId)
    .where('kind', 'in', VERIFIED_KINDS)
    .executeTakeFirst()
}

/**
 * A platform administrator verifies or rejects a pending public body or intermediary. In one transaction: the
 * status changes (only if the actor is a platform administrator and the organisation is still
 * pending), the audit log records it, and every administrator of the organisation gets a mail in
 * their own language. The database trigger refuses the change for anyone else, whatever the code.
 */
export async function decideVerification(
  db: DB,
  adminUserId: number,
  organisationId: number,
  decision: VerificationDecision,
  reason?: string | null,
  meta: { ip?: string | null } = {},
): Promise<{ slug: string; status: 'verified' | 'rejected'; mailed: number }> {
  const parsed = decisionSchema.safeParse({ decision, reason: reason ?? undefined })
  if (!parsed.success) throw new DomainError('reason_required')
  const note = parsed.data.reason || null
  const status = decision === 'verify' ? 'verified' : 'rejected'

  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const org = await tx
        .selectFrom('organisations')
        .select([
          'id',
          'slug',
          'name',
          'kind',
          'verification_status',
          'verification_note',
          'verified_by',
          'verified_at',
        ])
        .where('id', '=', organisationId)
        .where('kind', 'in', VERIFIED_KINDS)
        .executeTakeFirst()
      if (!org) throw new DomainError('not_found')

      const at = now()
      const result = await tx
        .updateTable('organisations')
        .set({
          verification_status: status,
          verification_note: note,
          verified_by: adminUserId,
          verified_at: at,
          updated_at: at,
        })
        .where('id', '=', organisationId)
        .where('verification_status', '=', 'pending')
        // Only a platform administrator may decide; the trigger says the same for raw SQL.
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('users')
              .select('users.id')
              .where('users.id', '=', adminUserId)
              .where('users.is_platform_admin', '=', 1),
          ),
        )
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) {
        const actor = await tx
          .selectFrom('users')
          .select('id')
          .where('id', '=', adminUserId)
          .where('is_platform_admin', '=', 1)
          .executeTakeFirst()
        throw new DomainError(actor ? 'not_pending' : 'verification_by_admin_only')
      }

      await audit(tx, {
        actorUserId: adminUserId,
        organisationId,
        action: decision === 'verify' ? 'organisation.verify' : 'organisation.reject',
        entityType: 'organisation',
        entityId: organisationId,
        before: {
          verification_status: org.verification_status,
          verification_note: org.verification_note,
          verified_by: org.verified_by,
          verified_at: org.verified_at,
        },
        after: {
          verification_status: status,
          verification_note: note,
          verified_by: adminUserId,
          verified_at: at,
        },
        ip: meta.ip ?? null,
      })

      const admins = await tx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.email', 'users.locale'])
        .where('memberships.organisation_id', '=', organisationId)
        .where('memberships.role', '=', 'admin')
        .orderBy('users.id')
        .execute()
      const link = `${getEnv().APP_ORIGIN}/organisations/${org.slug}`
      for (const admin of admins) {
        await queueMail(tx, {
          to: admin.email,
          locale: admin.locale,
          template:
            org.kind === 'intermediary'
              ? decision === 'verify'
                ? 'intermediary_verified'
                : 'intermediary_rejected'
              : decision === 'verify'
                ? 'verification_approved'
                : 'verification_rejected',
          params: { organisation: org.name, reason: note ?? '', link },
        })
      }
      return { slug: org.slug, status, mailed: admins.length }
    }),
  )
}

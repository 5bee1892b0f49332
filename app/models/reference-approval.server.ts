import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { caseForParty, mailMembers, referenceLink, titleIn } from './reference-cases.server'

// Reference cases (issue 5): approving a revision (both sides → published), withdrawing a
// published case and the public body contact's consent to take reference calls.

/**
 * The viewer approves the current text for their side. When the other side has approved the same
 * revision, the same statement publishes the case (the database insists on both). `revision` is
 * the one the viewer read: a text changed since then is not approved unseen.
 */
export async function approveReference(
  db: DB,
  input: { referenceId: number; userId: number; revision: number; ip?: string | null },
): Promise<{ published: boolean }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const c = await caseForParty(tx, input.referenceId, input.userId)
      if (c.revision !== input.revision) throw new DomainError('reference_approval_invalid')
      const own = c.side === 'public_body' ? c.public_body_approved_by : c.company_approved_by
      if (own !== null) throw new DomainError('invalid_transition')
      const other = c.side === 'public_body' ? c.company_approved_by : c.public_body_approved_by
      if (other === input.userId) throw new DomainError('reference_approval_invalid')
      const otherRevision =
        c.side === 'public_body' ? c.company_approved_revision : c.public_body_approved_revision
      const publish = otherRevision === c.revision
      const at = now()
      const approval =
        c.side === 'public_body'
          ? {
              public_body_approved_revision: c.revision,
              public_body_approved_by: input.userId,
              public_body_approved_at: at,
            }
          : {
              company_approved_revision: c.revision,
              company_approved_by: input.userId,
              company_approved_at: at,
            }
      const result = await tx
        .updateTable('reference_cases')
        .set({
          ...approval,
          ...(publish
            ? {
                status: 'published' as const,
                published_at: at,
                first_published_at: c.first_published_at ?? at,
              }
            : {}),
          updated_by: input.userId,
          updated_at: at,
        })
        .where('id', '=', c.id)
        .where('revision', '=', c.revision)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) throw new DomainError('reference_approval_invalid')
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: c.sideOrganisationId,
        action: publish ? 'reference.published' : 'reference.approved',
        entityType: 'reference_case',
        entityId: c.id,
        before: { status: c.status, revision: c.revision },
        after: { status: publish ? 'published' : c.status, revision: c.revision, side: c.side },
        ip: input.ip ?? null,
      })
      if (publish) {
        for (const org of [c.public_body_id, c.company_id]) {
          await mailMembers(tx, org, input.userId, 'reference_published', (l) => ({
            title: titleIn(l, c),
            link: referenceLink(c.id),
          }))
        }
      } else {
        await mailMembers(tx, c.otherOrganisationId, null, 'reference_approval_requested', (l) => ({
          title: titleIn(l, c),
          organisation: c.sideName,
          revision: c.revision,
          link: referenceLink(c.id),
        }))
      }
      return { published: publish }
    }),
  )
}

/**
 * Either side withdraws a published case at once, with a reason the other side is told. Both
 * approvals go; to publish it again, both approve again.
 */
export async function withdrawReference(
  db: DB,
  input: { referenceId: number; userId: number; reason: string; ip?: string | null },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const c = await caseForParty(tx, input.referenceId, input.userId)
      if (c.status !== 'published') throw new DomainError('invalid_transition')
      const reason = input.reason.trim()
      if (reason.length < 2) throw new DomainError('reason_required')
      const at = now()
      await tx
        .updateTable('reference_cases')
        .set({
          status: 'withdrawn',
          public_body_approved_revision: null,
          public_body_approved_by: null,
          public_body_approved_at: null,
          company_approved_revision: null,
          company_approved_by: null,
          company_approved_at: null,
          published_at: null,
          withdrawn_at: at,
          withdrawn_by: input.userId,
          withdrawn_by_organisation_id: c.sideOrganisationId,
          withdrawal_reason: reason,
          updated_by: input.userId,
          updated_at: at,
        })
        .where('id', '=', c.id)
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: c.sideOrganisationId,
        action: 'reference.withdrawn',
        entityType: 'reference_case',
        entityId: c.id,
        before: { status: c.status, revision: c.revision },
        after: { status: 'withdrawn', revision: c.revision, side: c.side },
        ip: input.ip ?? null,
      })
      await mailMembers(tx, c.otherOrganisationId, null, 'reference_withdrawn', (l) => ({
        title: titleIn(l, c),
        organisation: c.sideName,
        reason,
        link: referenceLink(c.id),
      }))
    }),
  )
}

/**
 * A member of the public body agrees to be named as the contact for reference calls, or takes
 * that back. Only for themself (the database insists), and only one named person at a time: a
 * colleague takes over once the current contact has withdrawn.
 */
export async function setContactConsent(
  db: DB,
  input: { referenceId: number; userId: number; consent: boolean; ip?: string | null },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const c = await caseForParty(tx, input.referenceId, input.userId)
      if (!c.is_public_body) throw new DomainError('contact_consent_required')
      const at = now()
      if (input.consent) {
        if (c.contact_user_id === input.userId) return
        if (c.contact_user_id !== null) throw new DomainError('invalid_transition')
        await tx
          .updateTable('reference_cases')
          .set({
            contact_user_id: input.userId,
            contact_consented_at: at,
            updated_by: input.userId,
            updated_at: at,
          })
          .where('id', '=', c.id)
          .execute()
      } else {
        if (c.contact_user_id !== input.userId) throw new DomainError('contact_consent_required')
        await tx
          .updateTable('reference_cases')
          .set({
            contact_user_id: null,
            contact_consented_at: null,
            updated_by: input.userId,
            updated_at: at,
          })
          .where('id', '=', c.id)
          .execute()
      }
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: c.public_body_id,
        action: input.consent ? 'reference.contact_consented' : 'reference.contact_withdrawn',
        entityType: 'reference_case',
        entityId: c.id,
        ip: input.ip ?? null,
      })
    }),
  )
}

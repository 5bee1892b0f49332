import type { DB } from '#db/connection'
import type { ReferenceStatus } from '#db/schema'
import { now } from '~/utils/clock.server'
import type { ReferenceInput, ReferenceSource } from '~/utils/reference-schema'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { queueMail } from './outbox.server'
import {
  caseForParty,
  mailMembers,
  type PartyCase,
  referenceLink,
  titleIn,
} from './reference-cases.server'
import { getSourceForDraft } from './reference-sources.server'

// Reference cases (issue 5): writing the first draft, editing it (a new revision, the database
// clears both approvals) and deleting a draft that was never published.

function textColumns(input: ReferenceInput) {
  return {
    title_sv: input.title_sv,
    summary_sv: input.summary_sv,
    challenge_sv: input.challenge_sv,
    solution_sv: input.solution_sv,
    deployment_sv: input.deployment_sv,
    participants_sv: input.participants_sv,
    quote_sv: input.quote_sv,
    title_en: input.title_en,
    summary_en: input.summary_en,
    challenge_en: input.challenge_en,
    solution_en: input.solution_en,
    deployment_en: input.deployment_en,
    participants_en: input.participants_en,
    quote_en: input.quote_en,
    quote_by_role: input.quote_by_role,
    place: input.place,
    started_on: input.started_on,
    ended_on: input.ended_on,
    results_json: JSON.stringify(input.results),
    would_use_again: input.would_use_again ? (1 as const) : (0 as const),
    takes_reference_calls: input.takes_reference_calls ? (1 as const) : (0 as const),
    contact_role: input.contact_role,
  }
}

/**
 * A party writes the first draft from its source. Nobody has approved it yet; the other side's
 * members are asked to read it. Returns the new case's id.
 */
export async function createReference(
  db: DB,
  input: { source: ReferenceSource; userId: number; text: ReferenceInput; ip?: string | null },
): Promise<number> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const draft = await getSourceForDraft(tx, input.source, input.userId)
      if (draft.existingId !== null) throw new DomainError('reference_exists')
      const at = now()
      const row = await tx
        .insertInto('reference_cases')
        .values({
          public_body_id: draft.publicBody.id,
          company_id: draft.company.id,
          pilot_id: draft.source.kind === 'pilot' ? draft.source.pilotId : null,
          call_id: draft.source.kind === 'call' ? draft.source.callId : null,
          ...textColumns(input.text),
          created_by: input.userId,
          updated_by: input.userId,
          created_at: at,
          updated_at: at,
        })
        .returning(['id', 'title_sv', 'title_en'])
        .executeTakeFirstOrThrow()
      const sideOrg = draft.side === 'public_body' ? draft.publicBody : draft.company
      const otherOrg = draft.side === 'public_body' ? draft.company : draft.publicBody
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: sideOrg.id,
        action: 'reference.created',
        entityType: 'reference_case',
        entityId: row.id,
        after: {
          status: 'draft',
          revision: 1,
          pilot_id: draft.source.kind === 'pilot' ? draft.source.pilotId : null,
          call_id: draft.source.kind === 'call' ? draft.source.callId : null,
          public_body_id: draft.publicBody.id,
          company_id: draft.company.id,
        },
        ip: input.ip ?? null,
      })
      await mailMembers(tx, otherOrg.id, input.userId, 'reference_approval_requested', (l) => ({
        title: titleIn(l, row),
        organisation: sideOrg.name,
        revision: 1,
        link: referenceLink(row.id),
      }))
      return row.id
    }),
  )
}

/**
 * A party edits the text. The database then makes a new revision, clears both approvals and
 * turns a published case back into a draft (an AFTER trigger), so the row is read again and the
 * people whose approval was cleared are told. An unchanged text changes nothing.
 */
export async function updateReference(
  db: DB,
  input: { referenceId: number; userId: number; text: ReferenceInput; ip?: string | null },
): Promise<{ revision: number; status: ReferenceStatus; changed: boolean; reset: boolean }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const before = await caseForParty(tx, input.referenceId, input.userId)
      const at = now()
      await tx
        .updateTable('reference_cases')
        .set({ ...textColumns(input.text), updated_by: input.userId, updated_at: at })
        .where('id', '=', before.id)
        .execute()
      const after = await tx
        .selectFrom('reference_cases')
        .select(['revision', 'status', 'title_sv', 'title_en'])
        .where('id', '=', before.id)
        .executeTakeFirstOrThrow()
      const changed = after.revision !== before.revision
      if (!changed) return { revision: after.revision, status: after.status, changed, reset: false }
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: before.sideOrganisationId,
        action: 'reference.edited',
        entityType: 'reference_case',
        entityId: before.id,
        before: {
          revision: before.revision,
          status: before.status,
          public_body_approved: before.public_body_approved_revision !== null,
          company_approved: before.company_approved_revision !== null,
        },
        after: { revision: after.revision, status: after.status },
        ip: input.ip ?? null,
      })
      const cleared = [before.public_body_approved_by, before.company_approved_by].filter(
        (id): id is number => id !== null && id !== input.userId,
      )
      if (cleared.length > 0) {
        const people = await tx
          .selectFrom('users')
          .select(['email', 'locale'])
          .where('id', 'in', cleared)
          .orderBy('id')
          .execute()
        for (const person of people) {
          await queueMail(tx, {
            to: person.email,
            locale: person.locale,
            template: 'reference_approval_reset',
            params: {
              title: titleIn(person.locale, after),
              organisation: before.sideName,
              revision: after.revision,
              link: referenceLink(before.id),
            },
          })
        }
      }
      const reset = before.public_body_approved_by !== null || before.company_approved_by !== null
      return { revision: after.revision, status: after.status, changed, reset }
    }),
  )
}

/** A draft that was never published can be deleted by either party; what was public stays. */
export async function deleteDraftReference(
  db: DB,
  input: { referenceId: number; userId: number; ip?: string | null },
): Promise<{ organisationSlug: string }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const c: PartyCase = await caseForParty(tx, input.referenceId, input.userId)
      if (c.first_published_at !== null) throw new DomainError('reference_published_once')
      await tx.deleteFrom('reference_cases').where('id', '=', c.id).execute()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: c.sideOrganisationId,
        action: 'reference.deleted',
        entityType: 'reference_case',
        entityId: c.id,
        before: { status: c.status, revision: c.revision },
        ip: input.ip ?? null,
      })
      const org = await tx
        .selectFrom('organisations')
        .select('slug')
        .where('id', '=', c.sideOrganisationId)
        .executeTakeFirstOrThrow()
      return { organisationSlug: org.slug }
    }),
  )
}

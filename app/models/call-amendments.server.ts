import type { DB } from '#db/connection'
import type { CallCriterionKind } from '#db/schema'
import { formatDateTime } from '~/i18n/format'
import { getTranslator } from '~/i18n/messages'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import type { StoredDocument } from '~/utils/file-store.server'
import { audit } from './audit.server'
import { notifyCall } from './call-notifications.server'
import { type CriterionInput, memberCall } from './calls.server'
import { DomainError, withRules } from './errors.server'

// Amendments to a published call, before its tender deadline. The published amendments are read
// by listAmendments (calls.server.ts).

export interface AmendmentInput {
  summary: string
  question_deadline: number
  tender_deadline: number
  retire_criteria: number[]
  remove_documents: number[]
  new_requirements: CriterionInput[]
  new_criteria: CriterionInput[]
  new_documents: { title: string; file: StoredDocument }[]
}

/** A datetime input shows minutes; the same minute keeps the stored instant (no false change). */
function sameMinute(next: number, previous: number): number {
  return Math.floor(next / 60) === Math.floor(previous / 60) ? previous : next
}

/**
 * Publishes an amendment in one transaction: open it, add and retire rows, publish it. The
 * database then moves the deadlines and asks submitted bids for re-confirmation when terms
 * changed, and refuses (rolling everything back) an amendment that shortens a deadline, changes
 * terms without extending it, or leaves weights that do not sum to 100. Everyone interested is
 * mailed once, in the same transaction.
 */
export async function amendCall(
  db: DB,
  args: { callId: number; userId: number; input: AmendmentInput; ip?: string | null },
) {
  const { input } = args
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await memberCall(tx, args.callId, args.userId)
      if (call.status !== 'published' || now() >= call.tender_deadline) {
        throw new DomainError('amendment_not_allowed')
      }
      const at = now()
      const last = await tx
        .selectFrom('call_amendments')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('call_id', '=', call.id)
        .executeTakeFirst()
      const tenderDeadline = sameMinute(input.tender_deadline, call.tender_deadline)
      const questionDeadline = sameMinute(input.question_deadline, call.question_deadline)
      const amendment = await tx
        .insertInto('call_amendments')
        .values({
          call_id: call.id,
          number: Number(last?.n ?? 0) + 1,
          summary: input.summary.trim(),
          question_deadline: questionDeadline,
          tender_deadline: tenderDeadline,
          created_by: args.userId,
          created_at: at,
        })
        .returning(['id', 'number'])
        .executeTakeFirstOrThrow()

      let changes = 0
      if (input.retire_criteria.length > 0) {
        const retired = await tx
          .updateTable('call_criteria')
          .set({ removed_in: amendment.id })
          .where('call_id', '=', call.id)
          .where('id', 'in', input.retire_criteria)
          .where('removed_in', 'is', null)
          .executeTakeFirst()
        changes += Number(retired.numUpdatedRows)
      }
      const positions = await tx
        .selectFrom('call_criteria')
        .select(['kind', (eb) => eb.fn.max('position').as('max')])
        .where('call_id', '=', call.id)
        .groupBy('kind')
        .execute()
      const next: Record<CallCriterionKind, number> = { requirement: 0, criterion: 0 }
      for (const p of positions) next[p.kind] = Number(p.max ?? 0)
      const added = [
        ...input.new_requirements.map((row) => ({ kind: 'requirement' as const, row })),
        ...input.new_criteria.map((row) => ({ kind: 'criterion' as const, row })),
      ]
      for (const { kind, row } of added) {
        next[kind]++
        await tx
          .insertInto('call_criteria')
          .values({
            call_id: call.id,
            kind,
            position: next[kind],
            title: row.title.trim(),
            description: row.description.trim(),
            weight: kind === 'criterion' ? row.weight : null,
            added_in: amendment.id,
          })
          .execute()
        changes++
      }
      if (input.remove_documents.length > 0) {
        const removed = await tx
          .updateTable('call_documents')
          .set({ removed_in: amendment.id })
          .where('call_id', '=', call.id)
          .where('id', 'in', input.remove_documents)
          .where('removed_in', 'is', null)
          .executeTakeFirst()
        changes += Number(removed.numUpdatedRows)
      }
      for (const doc of input.new_documents) {
        await tx
          .insertInto('call_documents')
          .values({
            call_id: call.id,
            title: doc.title.trim(),
            file_name: doc.file.fileName,
            content_type: doc.file.contentType,
            extension: doc.file.extension,
            size: doc.file.size,
            sha256: doc.file.sha256,
            uploaded_by: args.userId,
            created_at: at,
            added_in: amendment.id,
          })
          .execute()
        changes++
      }
      const changesTerms = changes > 0
      await tx
        .updateTable('call_amendments')
        .set({
          state: 'published',
          published_at: now(),
          published_by: args.userId,
          changes_terms: changesTerms ? 1 : 0,
        })
        .where('id', '=', amendment.id)
        .execute()

      await audit(tx, {
        actorUserId: args.userId,
        organisationId: call.organisation_id,
        action: 'call.amended',
        entityType: 'call',
        entityId: call.id,
        before: {
          tender_deadline: call.tender_deadline,
          question_deadline: call.question_deadline,
        },
        after: {
          amendment: amendment.number,
          tender_deadline: tenderDeadline,
          question_deadline: questionDeadline,
          changes_terms: changesTerms,
          retire_criteria: input.retire_criteria,
          new_criteria: added.length,
          remove_documents: input.remove_documents,
          new_documents: input.new_documents.map((d) => d.file.sha256),
        },
        ip: args.ip ?? null,
      })

      const link = `${getEnv().APP_ORIGIN}/calls/${call.id}`
      await notifyCall(tx, 'interested', {
        callId: call.id,
        event: `amendment:${amendment.id}`,
        template: 'call_amendment',
        params: (locale) => {
          const t = getTranslator(locale)
          return {
            call: call.title,
            number: amendment.number,
            summary: input.summary.trim(),
            deadline: formatDateTime(tenderDeadline, locale),
            reconfirm: changesTerms ? t('callEdit.mail.reconfirm') : '',
            link,
          }
        },
      })
      return { id: amendment.id, number: amendment.number, changesTerms }
    }),
  )
}

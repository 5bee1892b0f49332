import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import type { StoredDocument } from '~/utils/file-store.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'

// Procurement documents of a call. A draft's documents come and go freely; after publication a
// document is added or removed only by an amendment (call-amendments.server.ts, amendCall), and a
// removed document stays downloadable, marked superseded, so everyone can see what changed.

export interface CallDocumentListItem {
  id: number
  title: string
  file_name: string
  content_type: string
  extension: string
  size: number
  created_at: number
  /** Number of the amendment that added it; null for the original documents. */
  added_in: number | null
  /** Number of the published amendment that removed it; null while it is in force. */
  removed_in: number | null
  superseded: boolean
}

/**
 * Every document of a call that is or was in force: the current ones and those a published
 * amendment removed (superseded). Rows of an amendment still being built are left out.
 */
export async function listCallDocuments(db: DB, callId: number): Promise<CallDocumentListItem[]> {
  const rows = await db
    .selectFrom('call_documents as d')
    .leftJoin('call_amendments as added', 'added.id', 'd.added_in')
    .leftJoin('call_amendments as removed', 'removed.id', 'd.removed_in')
    .select([
      'd.id',
      'd.title',
      'd.file_name',
      'd.content_type',
      'd.extension',
      'd.size',
      'd.created_at',
      'added.number as added_number',
      'added.state as added_state',
      'removed.number as removed_number',
      'removed.state as removed_state',
    ])
    .where('d.call_id', '=', callId)
    .orderBy('d.id')
    .execute()
  return rows
    .filter((r) => r.added_number === null || r.added_state === 'published')
    .map((r) => {
      const removed = r.removed_number !== null && r.removed_state === 'published'
      return {
        id: r.id,
        title: r.title,
        file_name: r.file_name,
        content_type: r.content_type,
        extension: r.extension,
        size: r.size,
        created_at: r.created_at,
        added_in: r.added_number,
        removed_in: removed ? r.removed_number : null,
        superseded: removed,
      }
    })
}

/** A document for download: the row and its call's status and buyer. Unknown → 'not_found'. */
export async function getCallDocument(db: DB, callId: number, documentId: number) {
  const row = await db
    .selectFrom('call_documents as d')
    .innerJoin('calls as c', 'c.id', 'd.call_id')
    .leftJoin('call_amendments as a', 'a.id', 'd.added_in')
    .select([
      'd.id',
      'd.call_id',
      'd.file_name',
      'd.content_type',
      'd.size',
      'd.sha256',
      'a.state as added_state',
      'c.status',
      'c.organisation_id',
    ])
    .where('d.id', '=', documentId)
    .where('d.call_id', '=', callId)
    .executeTakeFirst()
  // A document of an amendment still being built is not public yet.
  if (!row || row.added_state === 'open') throw new DomainError('not_found')
  return row
}

/**
 * Who may download: anyone once the call is published; a draft's documents only its buyer's
 * members. A logged-in user's first download of a published call is recorded, so they hear of
 * amendments (call_notifications, audience 'interested').
 */
export async function openCallDocument(
  db: DB,
  input: { callId: number; documentId: number; userId: number | null },
) {
  const doc = await getCallDocument(db, input.callId, input.documentId)
  if (doc.status === 'draft') {
    const member =
      input.userId !== null &&
      (await db
        .selectFrom('memberships')
        .select('user_id')
        .where('organisation_id', '=', doc.organisation_id)
        .where('user_id', '=', input.userId)
        .executeTakeFirst())
    if (!member) throw new DomainError('not_found')
    return doc
  }
  if (input.userId !== null) {
    await db
      .insertInto('call_downloads')
      .values({ call_id: doc.call_id, user_id: input.userId, first_at: now() })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  return doc
}

/** The documents of a draft as its editor lists them (all rows; drafts have no amendments). */
export async function listDraftDocuments(db: DB, callId: number) {
  return db
    .selectFrom('call_documents')
    .select(['id', 'title', 'file_name', 'extension', 'size', 'created_at'])
    .where('call_id', '=', callId)
    .orderBy('id')
    .execute()
}

async function draftForMember(db: DB, callId: number, userId: number) {
  const call = await db
    .selectFrom('calls as c')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 'c.organisation_id').on('m.user_id', '=', userId),
    )
    .select(['c.id', 'c.status', 'c.organisation_id'])
    .where('c.id', '=', callId)
    .executeTakeFirst()
  if (!call) throw new DomainError('not_found')
  if (call.status !== 'draft') throw new DomainError('terms_frozen')
  return call
}

/** Attaches a stored file to a draft call. */
export async function addDraftDocument(
  db: DB,
  input: {
    callId: number
    userId: number
    title: string
    file: StoredDocument
    ip?: string | null
  },
) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await draftForMember(tx, input.callId, input.userId)
      const row = await tx
        .insertInto('call_documents')
        .values({
          call_id: call.id,
          title: input.title.trim(),
          file_name: input.file.fileName,
          content_type: input.file.contentType,
          extension: input.file.extension,
          size: input.file.size,
          sha256: input.file.sha256,
          uploaded_by: input.userId,
          created_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: call.organisation_id,
        action: 'call.document_added',
        entityType: 'call',
        entityId: call.id,
        after: { documentId: row.id, title: input.title.trim(), sha256: input.file.sha256 },
        ip: input.ip ?? null,
      })
      return row.id
    }),
  )
}

/** Removes a document from a draft (published calls remove documents by amendment). */
export async function removeDraftDocument(
  db: DB,
  input: { callId: number; userId: number; documentId: number; ip?: string | null },
) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await draftForMember(tx, input.callId, input.userId)
      const removed = await tx
        .deleteFrom('call_documents')
        .where('id', '=', input.documentId)
        .where('call_id', '=', call.id)
        .returning(['id', 'title', 'sha256'])
        .executeTakeFirst()
      if (!removed) throw new DomainError('not_found')
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: call.organisation_id,
        action: 'call.document_removed',
        entityType: 'call',
        entityId: call.id,
        before: { documentId: removed.id, title: removed.title, sha256: removed.sha256 },
        ip: input.ip ?? null,
      })
    }),
  )
}

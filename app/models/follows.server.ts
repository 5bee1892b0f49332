import type { DB } from '#db/connection'
import type { FollowTarget } from '#db/schema'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { inTransaction } from './initiatives.server'

// Follows (decision record 035): a person follows a call, a test-bed offer, an organisation, an
// initiative or a published agenda, and hears of each update that matters (notifications.server).
// The database refuses to follow what the public cannot see ('follow_target_not_found').

export interface FollowRef {
  type: FollowTarget
  id: number
}

/** Follows `target`; following twice changes nothing. A target the public cannot see: 'not_found'. */
export async function follow(
  db: DB,
  input: { userId: number; target: FollowRef; ip?: string | null },
): Promise<void> {
  await followWrite(db, async (tx) => {
    const inserted = await tx
      .insertInto('follows')
      .values({
        user_id: input.userId,
        target_type: input.target.type,
        target_id: input.target.id,
        created_at: now(),
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return
    await audit(tx, {
      actorUserId: input.userId,
      action: `${input.target.type}.followed`,
      entityType: input.target.type,
      entityId: input.target.id,
      ip: input.ip ?? null,
    })
  })
}

/** Stops following `target`; not following it already changes nothing. */
export async function unfollow(
  db: DB,
  input: { userId: number; target: FollowRef; ip?: string | null },
): Promise<void> {
  await followWrite(db, async (tx) => {
    const deleted = await tx
      .deleteFrom('follows')
      .where('user_id', '=', input.userId)
      .where('target_type', '=', input.target.type)
      .where('target_id', '=', input.target.id)
      .executeTakeFirst()
    if (Number(deleted.numDeletedRows) === 0) return
    await audit(tx, {
      actorUserId: input.userId,
      action: `${input.target.type}.unfollowed`,
      entityType: input.target.type,
      entityId: input.target.id,
      ip: input.ip ?? null,
    })
  })
}

export async function isFollowing(
  db: DB,
  userId: number | null | undefined,
  target: FollowRef,
): Promise<boolean> {
  if (!userId) return false
  const row = await db
    .selectFrom('follows')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('target_type', '=', target.type)
    .where('target_id', '=', target.id)
    .executeTakeFirst()
  return row !== undefined
}

export interface FollowedItem {
  type: FollowTarget
  id: number
  title: string
  path: string
  since: number
}

/** Everything a person follows, newest first, with a title and a path for each. */
export async function listFollows(db: DB, userId: number): Promise<FollowedItem[]> {
  const rows = await db
    .selectFrom('follows')
    .leftJoin('calls', (j) =>
      j.onRef('calls.id', '=', 'follows.target_id').on('follows.target_type', '=', 'call'),
    )
    .leftJoin('test_bed_offers as offer', (j) =>
      j.onRef('offer.id', '=', 'follows.target_id').on('follows.target_type', '=', 'test_bed'),
    )
    .leftJoin('organisations as org', (j) =>
      j.onRef('org.id', '=', 'follows.target_id').on('follows.target_type', '=', 'organisation'),
    )
    .leftJoin('initiatives', (j) =>
      j
        .onRef('initiatives.id', '=', 'follows.target_id')
        .on('follows.target_type', '=', 'initiative'),
    )
    .leftJoin('agendas', (j) =>
      j.onRef('agendas.id', '=', 'follows.target_id').on('follows.target_type', '=', 'agenda'),
    )
    .leftJoin('organisations as agenda_org', 'agenda_org.id', 'agendas.organisation_id')
    .select([
      'follows.target_type',
      'follows.target_id',
      'follows.created_at',
      'calls.title as call_title',
      'offer.title as offer_title',
      'org.name as org_name',
      'org.slug as org_slug',
      'initiatives.title as initiative_title',
      'agendas.title as agenda_title',
      'agenda_org.slug as agenda_slug',
    ])
    .where('follows.user_id', '=', userId)
    .orderBy('follows.created_at', 'desc')
    .orderBy('follows.target_id', 'desc')
    .limit(500)
    .execute()
  return rows.map((r) => {
    const id = r.target_id
    switch (r.target_type) {
      case 'call':
        return item(r, r.call_title, `/calls/${id}`)
      case 'test_bed':
        return item(r, r.offer_title, `/test-beds/${id}`)
      case 'organisation':
        return item(r, r.org_name, `/organisations/${r.org_slug ?? ''}`)
      case 'initiative':
        return item(r, r.initiative_title, `/initiatives/${id}`)
      case 'agenda':
        return item(r, r.agenda_title, `/organisations/${r.agenda_slug ?? ''}/agenda`)
    }
  })
}

function item(
  r: { target_type: FollowTarget; target_id: number; created_at: number },
  title: string | null,
  path: string,
): FollowedItem {
  return { type: r.target_type, id: r.target_id, title: title ?? '', path, since: r.created_at }
}

async function followWrite(db: DB, fn: (tx: DB) => Promise<void>): Promise<void> {
  try {
    await withRules(() => inTransaction(db, fn))
  } catch (error) {
    if (error instanceof DomainError && error.code === 'follow_target_not_found') {
      throw new DomainError('not_found')
    }
    throw error
  }
}

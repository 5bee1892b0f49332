import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { canOwnInitiatives, inTransaction } from './initiatives.server'

// Co-owners of an initiative and the calls and test-bed offers that belong to it (decision
// record 027). Another verified public body or intermediary asks to co-own; a member of the owner
// accepts or declines, once. A call or offer links to an initiative its organisation owns or
// co-owns. The database enforces each rule again (migration 2026-12-07-10-initiatives).

/** A member of `organisationId` asks, for it, to co-own the initiative. */
export async function requestCoOwnership(
  db: DB,
  args: { initiativeId: number; organisationId: number; userId: number; ip?: string | null },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const initiative = await tx
        .selectFrom('initiatives')
        .select(['id', 'organisation_id'])
        .where('id', '=', args.initiativeId)
        .executeTakeFirst()
      if (!initiative) throw new DomainError('not_found')
      const org = await tx
        .selectFrom('organisations as o')
        .innerJoin('memberships as m', 'm.organisation_id', 'o.id')
        .select(['o.id', 'o.kind', 'o.verification_status'])
        .where('o.id', '=', args.organisationId)
        .where('m.user_id', '=', args.userId)
        .executeTakeFirst()
      if (!org) throw new DomainError('not_found')
      if (!canOwnInitiatives(org)) throw new DomainError('initiative_owner_not_verified')
      if (org.id === initiative.organisation_id) {
        throw new DomainError('initiative_co_owner_is_owner')
      }
      await tx
        .insertInto('initiative_co_owners')
        .values({
          initiative_id: initiative.id,
          organisation_id: org.id,
          requested_at: now(),
          requested_by: args.userId,
        })
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: org.id,
        action: 'initiative.co_owner_requested',
        entityType: 'initiative',
        entityId: initiative.id,
        ip: args.ip ?? null,
      })
    }),
  )
}

/** A member of the owner accepts or declines (with a reason) a pending request, once. */
export async function decideCoOwnership(
  db: DB,
  args: {
    initiativeId: number
    organisationId: number
    userId: number
    accept: boolean
    reason: string | null
    ip?: string | null
  },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const initiative = await tx
        .selectFrom('initiatives as i')
        .innerJoin('memberships as m', 'm.organisation_id', 'i.organisation_id')
        .select(['i.id', 'i.organisation_id'])
        .where('i.id', '=', args.initiativeId)
        .where('m.user_id', '=', args.userId)
        .executeTakeFirst()
      if (!initiative) throw new DomainError('not_found')
      const request = await tx
        .selectFrom('initiative_co_owners')
        .select('state')
        .where('initiative_id', '=', initiative.id)
        .where('organisation_id', '=', args.organisationId)
        .executeTakeFirst()
      if (!request) throw new DomainError('not_found')
      if (request.state !== 'pending') throw new DomainError('initiative_co_owner_decided')
      if (!args.accept && !args.reason) throw new DomainError('reason_required')
      await tx
        .updateTable('initiative_co_owners')
        .set({
          state: args.accept ? 'accepted' : 'declined',
          decided_at: now(),
          decided_by: args.userId,
          decline_reason: args.accept ? null : args.reason,
        })
        .where('initiative_id', '=', initiative.id)
        .where('organisation_id', '=', args.organisationId)
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: initiative.organisation_id,
        action: args.accept ? 'initiative.co_owner_accepted' : 'initiative.co_owner_declined',
        entityType: 'initiative',
        entityId: initiative.id,
        after: { organisation_id: args.organisationId, reason: args.reason },
        ip: args.ip ?? null,
      })
    }),
  )
}

/** The initiatives an organisation's call or offer can belong to: owned or co-owned. */
export async function listLinkableInitiatives(db: DB, organisationId: number) {
  return db
    .selectFrom('initiatives as i')
    .select(['i.id', 'i.title'])
    .where((eb) =>
      eb.or([
        eb('i.organisation_id', '=', organisationId),
        eb.exists(
          eb
            .selectFrom('initiative_co_owners as c')
            .select('c.initiative_id')
            .whereRef('c.initiative_id', '=', 'i.id')
            .where('c.organisation_id', '=', organisationId)
            .where('c.state', '=', 'accepted'),
        ),
      ]),
    )
    .orderBy('i.title')
    .execute()
}

/**
 * Sets (or clears, with null) the initiative a call or test-bed offer of the user's organisation
 * belongs to. Another organisation's call or offer is 'not_found'.
 */
export async function setInitiativeLink(
  db: DB,
  args: {
    table: 'calls' | 'test_bed_offers'
    id: number
    userId: number
    initiativeId: number | null
    ip?: string | null
  },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const row = await tx
        .selectFrom(args.table)
        .select(['id', 'organisation_id', 'initiative_id'])
        .where('id', '=', args.id)
        .where('organisation_id', 'in', (eb) =>
          eb.selectFrom('memberships').select('organisation_id').where('user_id', '=', args.userId),
        )
        .executeTakeFirst()
      if (!row) throw new DomainError('not_found')
      if (row.initiative_id === args.initiativeId) return
      if (args.initiativeId !== null) {
        const allowed = await listLinkableInitiatives(tx, row.organisation_id)
        if (!allowed.some((i) => i.id === args.initiativeId)) {
          throw new DomainError('initiative_link_not_owner')
        }
      }
      await tx
        .updateTable(args.table)
        .set({ initiative_id: args.initiativeId, updated_by: args.userId })
        .where('id', '=', row.id)
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: row.organisation_id,
        action: 'initiative.linked',
        entityType: args.table === 'calls' ? 'call' : 'test_bed_offer',
        entityId: row.id,
        before: { initiative_id: row.initiative_id },
        after: { initiative_id: args.initiativeId },
        ip: args.ip ?? null,
      })
    }),
  )
}

/** What the "belongs to initiative" select on a call's or offer's edit page shows. */
export async function getInitiativeLink(db: DB, table: 'calls' | 'test_bed_offers', id: number) {
  const row = await db
    .selectFrom(table)
    .select(['organisation_id', 'initiative_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return {
    current: row.initiative_id,
    options: await listLinkableInitiatives(db, row.organisation_id),
  }
}

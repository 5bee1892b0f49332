import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { MemberRole } from '#db/schema'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'

/**
 * A select expression: 1 when `userId` is a member of the organisation whose id is in the column
 * `organisationColumn` (e.g. 'p.host_id'), else 0. Use with `.as('is_host')` in a select list.
 */
export function memberFlag(organisationColumn: string, userId: number) {
  return sql<number>`EXISTS (SELECT 1 FROM memberships
    WHERE organisation_id = ${sql.ref(organisationColumn)} AND user_id = ${userId})`
}

/**
 * A where condition: `userId` is a member of `organisationId`, written as a condition SQLite
 * evaluates once (`? IN (the user's organisations)`), not a join or a correlated EXISTS, so a
 * list of the organisation's rows still comes off its index in order without a sort.
 */
export function isMemberCondition(organisationId: number, userId: number) {
  return sql<boolean>`${organisationId} IN (SELECT organisation_id FROM memberships WHERE user_id = ${userId})`
}

/** The user's role in the organisation, or null for a non-member. */
export async function getRole(
  db: DB,
  organisationId: number,
  userId: number,
): Promise<MemberRole | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.role ?? null
}

/** The companies a user is a member of (whom they may apply or bid for), by name. */
export async function listMemberCompanies(db: DB, userId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id', 'organisations.slug', 'organisations.name'])
    .where('memberships.user_id', '=', userId)
    .where('organisations.kind', '=', 'company')
    .orderBy('organisations.name')
    .orderBy('organisations.id')
    .execute()
}

/**
 * The company named by id or slug, for its own members only: anyone else (a public body's
 * members included) gets 'not_found'.
 */
export async function memberCompany(
  db: DB,
  company: { id: number } | { slug: string },
  userId: number,
) {
  const row = await db
    .selectFrom('organisations as o')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 'o.id').on('m.user_id', '=', userId),
    )
    .select(['o.id', 'o.slug', 'o.name'])
    .where((eb) =>
      'id' in company ? eb('o.id', '=', company.id) : eb('o.slug', '=', company.slug),
    )
    .where('o.kind', '=', 'company')
    .executeTakeFirst()
  if (!row) throw new DomainError('not_found')
  return row
}

/** Throws 'not_found' unless the user administers the organisation: others must not learn more. */
export async function assertAdmin(db: DB, organisationId: number, userId: number): Promise<void> {
  if ((await getRole(db, organisationId, userId)) !== 'admin') throw new DomainError('not_found')
}

/** The members of an organisation, administrators first, for its members' eyes only. */
export async function listMembers(db: DB, organisationId: number, viewerId: number) {
  if ((await getRole(db, organisationId, viewerId)) === null) throw new DomainError('not_found')
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('memberships.role')
    .orderBy('users.name')
    .execute()
}

/**
 * An administrator changes someone's role. The database refuses to demote the last
 * administrator ('last_admin').
 */
export async function changeMemberRole(
  db: DB,
  options: {
    organisationId: number
    actorId: number
    userId: number
    role: MemberRole
    ip?: string | null
  },
): Promise<void> {
  const { organisationId, actorId, userId, role } = options
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, organisationId, actorId)
      const before = await getRole(tx, organisationId, userId)
      if (before === null) throw new DomainError('not_found')
      if (before === role) return
      await tx
        .updateTable('memberships')
        .set({ role })
        .where('organisation_id', '=', organisationId)
        .where('user_id', '=', userId)
        .execute()
      await audit(tx, {
        actorUserId: actorId,
        organisationId,
        action: 'membership.role_changed',
        entityType: 'membership',
        entityId: `${organisationId}:${userId}`,
        before: { user_id: userId, role: before },
        after: { user_id: userId, role },
        ip: options.ip ?? null,
      })
    }),
  )
}

async function deleteMembership(
  db: DB,
  options: {
    organisationId: number
    actorId: number
    userId: number
    action: string
    ip?: string | null
  },
) {
  const { organisationId, actorId, userId } = options
  const before = await getRole(db, organisationId, userId)
  if (before === null) throw new DomainError('not_found')
  await db
    .deleteFrom('memberships')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute()
  await audit(db, {
    actorUserId: actorId,
    organisationId,
    action: options.action,
    entityType: 'membership',
    entityId: `${organisationId}:${userId}`,
    before: { user_id: userId, role: before },
    ip: options.ip ?? null,
  })
}

/** An administrator removes a member (the last administrator cannot be removed: 'last_admin'). */
export async function removeMember(
  db: DB,
  options: { organisationId: number; actorId: number; userId: number; ip?: string | null },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, options.organisationId, options.actorId)
      await deleteMembership(tx, { ...options, action: 'membership.removed' })
    }),
  )
}

/** A member leaves; the last administrator must hand over first ('last_admin'). */
export async function leaveOrganisation(
  db: DB,
  options: { organisationId: number; userId: number; ip?: string | null },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await deleteMembership(tx, { ...options, actorId: options.userId, action: 'membership.left' })
    }),
  )
}

import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { inTransaction } from './initiatives.server'

// The regional agenda, "hit ska vi" (issue 15 part 7, decision record 033): a verified region
// writes its agenda, names co-owners and sets goals; members of the region or of a co-owner edit.
// Indicators, measurements and links: agenda-indicators.server.ts; reads: agenda-reads.server.ts;
// the live metrics: agenda-metrics.server.ts. The database enforces every rule again (migration
// 2026-12-07-16-agenda).

export interface AgendaInput {
  title: string
  summary: string
  starts_on: string
}
export interface GoalInput {
  title: string
  description: string
}

/** The region named by `slug`, when it is a verified region; otherwise 'not_found'. */
export async function findRegion(db: DB, slug: string) {
  const region = await db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'county_code'])
    .where('slug', '=', slug)
    .where('kind', '=', 'public_body')
    .where('public_body_type', '=', 'region')
    .where('verification_status', '=', 'verified')
    .executeTakeFirst()
  if (!region) throw new DomainError('not_found')
  return region
}

/** Is the user a member of the agenda's region or of one of its co-owners? */
export async function isAgendaEditor(db: DB, agendaId: number, userId: number) {
  const row = await db
    .selectFrom('agendas as a')
    .select('a.id')
    .where('a.id', '=', agendaId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .select('m.user_id')
            .whereRef('m.organisation_id', '=', 'a.organisation_id')
            .where('m.user_id', '=', userId),
        ),
        eb.exists(
          eb
            .selectFrom('agenda_co_owners as c')
            .innerJoin('memberships as m', 'm.organisation_id', 'c.organisation_id')
            .select('m.user_id')
            .whereRef('c.agenda_id', '=', 'a.id')
            .where('m.user_id', '=', userId),
        ),
      ]),
    )
    .executeTakeFirst()
  return Boolean(row)
}

/** The agenda when the user may edit it; otherwise 'not_found'. */
export async function editableAgenda(db: DB, agendaId: number, userId: number) {
  if (!(await isAgendaEditor(db, agendaId, userId))) throw new DomainError('not_found')
  return db.selectFrom('agendas').selectAll().where('id', '=', agendaId).executeTakeFirstOrThrow()
}

/** The goal when the user may edit its agenda; otherwise 'not_found'. */
export async function editableGoal(db: DB, goalId: number, userId: number) {
  const goal = await db
    .selectFrom('agenda_goals')
    .selectAll()
    .where('id', '=', goalId)
    .executeTakeFirst()
  if (!goal || !(await isAgendaEditor(db, goal.agenda_id, userId))) {
    throw new DomainError('not_found')
  }
  return goal
}

async function isMember(db: DB, organisationId: number, userId: number) {
  const row = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Boolean(row)
}

/**
 * Creates the region's agenda (a member of the region) or saves it (a member of the region or of
 * a co-owner). The start date is fixed once the agenda is published.
 */
export async function saveAgenda(
  db: DB,
  args: { regionSlug: string; userId: number; input: AgendaInput; ip?: string | null },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const region = await findRegion(tx, args.regionSlug)
      const existing = await tx
        .selectFrom('agendas')
        .selectAll()
        .where('organisation_id', '=', region.id)
        .executeTakeFirst()
      const at = now()
      if (!existing) {
        if (!(await isMember(tx, region.id, args.userId))) throw new DomainError('not_found')
        const row = await tx
          .insertInto('agendas')
          .values({
            organisation_id: region.id,
            ...args.input,
            created_at: at,
            created_by: args.userId,
            updated_at: at,
            updated_by: args.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await audit(tx, {
          actorUserId: args.userId,
          organisationId: region.id,
          action: 'agenda.created',
          entityType: 'agenda',
          entityId: row.id,
          after: args.input,
          ip: args.ip ?? null,
        })
        return row.id
      }
      await editableAgenda(tx, existing.id, args.userId)
      if (existing.status === 'published' && existing.starts_on !== args.input.starts_on) {
        throw new DomainError('agenda_published')
      }
      await tx
        .updateTable('agendas')
        .set({ ...args.input, updated_at: at, updated_by: args.userId })
        .where('id', '=', existing.id)
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: region.id,
        action: 'agenda.updated',
        entityType: 'agenda',
        entityId: existing.id,
        after: args.input,
        ip: args.ip ?? null,
      })
      return existing.id
    }),
  )
}

/** Publishes the agenda, once; the database stamps and logs it. */
export async function publishAgenda(
  db: DB,
  args: { agendaId: number; userId: number; ip?: string | null },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const agenda = await editableAgenda(tx, args.agendaId, args.userId)
      if (agenda.status === 'published') return
      const at = now()
      await tx
        .updateTable('agendas')
        .set({ status: 'published', published_at: at, updated_at: at, updated_by: args.userId })
        .where('id', '=', agenda.id)
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: agenda.organisation_id,
        action: 'agenda.published',
        entityType: 'agenda',
        entityId: agenda.id,
        ip: args.ip ?? null,
      })
    }),
  )
}

/** A member of the region names a verified public body or intermediary as co-owner. */
export async function addAgendaCoOwner(
  db: DB,
  args: { agendaId: number; userId: number; organisationId: number; ip?: string | null },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const agenda = await editableAgenda(tx, args.agendaId, args.userId)
      if (!(await isMember(tx, agenda.organisation_id, args.userId))) {
        throw new DomainError('agenda_not_editor')
      }
      const exists = await tx
        .selectFrom('agenda_co_owners')
        .select('agenda_id')
        .where('agenda_id', '=', agenda.id)
        .where('organisation_id', '=', args.organisationId)
        .executeTakeFirst()
      if (exists) return
      await tx
        .insertInto('agenda_co_owners')
        .values({
          agenda_id: agenda.id,
          organisation_id: args.organisationId,
          added_at: now(),
          added_by: args.userId,
        })
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: agenda.organisation_id,
        action: 'agenda.co_owner_added',
        entityType: 'agenda',
        entityId: agenda.id,
        after: { organisation_id: args.organisationId },
        ip: args.ip ?? null,
      })
    }),
  )
}

/** A new draft goal at the end of the agenda. */
export async function createGoal(
  db: DB,
  args: { agendaId: number; userId: number; input: GoalInput; ip?: string | null },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const agenda = await editableAgenda(tx, args.agendaId, args.userId)
      const last = await tx
        .selectFrom('agenda_goals')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('agenda_id', '=', agenda.id)
        .executeTakeFirst()
      const at = now()
      const row = await tx
        .insertInto('agenda_goals')
        .values({
          agenda_id: agenda.id,
          position: (last?.position ?? 0) + 1,
          ...args.input,
          created_at: at,
          created_by: args.userId,
          updated_at: at,
          updated_by: args.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: agenda.organisation_id,
        action: 'agenda.goal_created',
        entityType: 'agenda_goal',
        entityId: row.id,
        after: args.input,
        ip: args.ip ?? null,
      })
      return row.id
    }),
  )
}

/** Saves a goal's title and description (published or not: the targets carry the promise). */
export async function updateGoal(
  db: DB,
  args: { goalId: number; userId: number; input: GoalInput; ip?: string | null },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const goal = await editableGoal(tx, args.goalId, args.userId)
      await tx
        .updateTable('agenda_goals')
        .set({ ...args.input, updated_at: now(), updated_by: args.userId })
        .where('id', '=', goal.id)
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        action: 'agenda.goal_updated',
        entityType: 'agenda_goal',
        entityId: goal.id,
        before: { title: goal.title, description: goal.description },
        after: args.input,
        ip: args.ip ?? null,
      })
    }),
  )
}

/** Publishes a goal with at least one indicator, once; the database stamps and logs it. */
export async function publishGoal(
  db: DB,
  args: { goalId: number; userId: number; ip?: string | null },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const goal = await editableGoal(tx, args.goalId, args.userId)
      if (goal.status === 'published') return
      const indicator = await tx
        .selectFrom('agenda_indicators')
        .select('id')
        .where('goal_id', '=', goal.id)
        .executeTakeFirst()
      if (!indicator) throw new DomainError('agenda_goal_needs_indicator')
      const at = now()
      await tx
        .updateTable('agenda_goals')
        .set({ status: 'published', published_at: at, updated_at: at, updated_by: args.userId })
        .where('id', '=', goal.id)
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        action: 'agenda.goal_published',
        entityType: 'agenda_goal',
        entityId: goal.id,
        ip: args.ip ?? null,
      })
    }),
  )
}

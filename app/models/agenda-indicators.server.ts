import type { DB } from '#db/connection'
import type { AgendaMetric, IndicatorUnit } from '#db/schema'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { editableGoal, isAgendaEditor } from './agendas.server'
import { DomainError, withRules } from './errors.server'
import { inTransaction } from './initiatives.server'

// A goal's indicators, the hand-entered measurements and the initiatives that serve the goal
// (decision record 033). Once a goal is published, what an indicator measures is fixed and a new
// target needs a reason (the database keeps the old one); measurements are append-only, a
// correction is a new row. The database enforces each rule again (migration 2026-12-07-16-agenda).

export type IndicatorInput = {
  label: string
  target_value: number
  target_date: string
} & (
  | { source_kind: 'live'; metric: AgendaMetric; theme_code: string | null }
  | { source_kind: 'manual'; unit: IndicatorUnit }
)

/** The unit a live metric counts in. */
export function metricUnit(metric: AgendaMetric): IndicatorUnit {
  return metric === 'sme_award_share' ? 'percent' : 'count'
}

/** Metrics a theme narrows (first-time participants are counted over every theme). */
export function metricTakesTheme(metric: AgendaMetric) {
  return metric !== 'first_time_participants'
}

/** The indicator, with its goal, when the user may edit the goal's agenda; else 'not_found'. */
async function editableIndicator(db: DB, indicatorId: number, userId: number) {
  const row = await db
    .selectFrom('agenda_indicators as i')
    .innerJoin('agenda_goals as g', 'g.id', 'i.goal_id')
    .selectAll('i')
    .select(['g.agenda_id', 'g.status as goal_status'])
    .where('i.id', '=', indicatorId)
    .executeTakeFirst()
  if (!row || !(await isAgendaEditor(db, row.agenda_id, userId))) {
    throw new DomainError('not_found')
  }
  return row
}

export async function addIndicator(
  db: DB,
  args: { goalId: number; userId: number; input: IndicatorInput; ip?: string | null },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const goal = await editableGoal(tx, args.goalId, args.userId)
      const input = args.input
      const at = now()
      const row = await tx
        .insertInto('agenda_indicators')
        .values({
          goal_id: goal.id,
          label: input.label,
          source_kind: input.source_kind,
          metric: input.source_kind === 'live' ? input.metric : null,
          theme_code:
            input.source_kind === 'live' && metricTakesTheme(input.metric)
              ? input.theme_code
              : null,
          unit: input.source_kind === 'live' ? metricUnit(input.metric) : input.unit,
          target_value: input.target_value,
          target_date: input.target_date,
          target_reason: null,
          created_at: at,
          created_by: args.userId,
          updated_at: at,
          updated_by: args.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: args.userId,
        action: 'agenda.indicator_added',
        entityType: 'agenda_goal',
        entityId: goal.id,
        after: { indicator_id: row.id, ...input },
        ip: args.ip ?? null,
      })
      return row.id
    }),
  )
}

/**
 * A new target value and date. For a published goal a reason is required and the database keeps
 * the old target in agenda_target_changes.
 */
export async function changeTarget(
  db: DB,
  args: {
    indicatorId: number
    userId: number
    target_value: number
    target_date: string
    reason: string | null
    ip?: string | null
  },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const indicator = await editableIndicator(tx, args.indicatorId, args.userId)
      const published = indicator.goal_status === 'published'
      if (published && (!args.reason || args.reason === indicator.target_reason)) {
        throw new DomainError('agenda_target_reason')
      }
      await tx
        .updateTable('agenda_indicators')
        .set({
          target_value: args.target_value,
          target_date: args.target_date,
          target_reason: published ? args.reason : indicator.target_reason,
          updated_at: now(),
          updated_by: args.userId,
        })
        .where('id', '=', indicator.id)
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        action: 'agenda.target_changed',
        entityType: 'agenda_indicator',
        entityId: indicator.id,
        before: { value: indicator.target_value, date: indicator.target_date },
        after: { value: args.target_value, date: args.target_date, reason: args.reason },
        ip: args.ip ?? null,
      })
    }),
  )
}

/** A dated value of a manual indicator with its source; `corrects` names the row it replaces. */
export async function recordMeasurement(
  db: DB,
  args: {
    indicatorId: number
    userId: number
    measured_on: string
    value: number
    source: string
    corrects: number | null
    ip?: string | null
  },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const indicator = await editableIndicator(tx, args.indicatorId, args.userId)
      if (indicator.source_kind !== 'manual') {
        throw new DomainError('agenda_measurement_manual_only')
      }
      if (args.corrects !== null) {
        const earlier = await tx
          .selectFrom('agenda_measurements as m')
          .select(['m.id'])
          .where('m.id', '=', args.corrects)
          .where('m.indicator_id', '=', indicator.id)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('agenda_measurements as c')
                  .select('c.id')
                  .whereRef('c.corrects_id', '=', 'm.id'),
              ),
            ),
          )
          .executeTakeFirst()
        if (!earlier) throw new DomainError('agenda_measurement_append_only')
      }
      const row = await tx
        .insertInto('agenda_measurements')
        .values({
          indicator_id: indicator.id,
          measured_on: args.measured_on,
          value: args.value,
          source: args.source,
          corrects_id: args.corrects,
          recorded_at: now(),
          recorded_by: args.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: args.userId,
        action: 'agenda.measurement_recorded',
        entityType: 'agenda_indicator',
        entityId: indicator.id,
        after: {
          id: row.id,
          measured_on: args.measured_on,
          value: args.value,
          source: args.source,
          corrects: args.corrects,
        },
        ip: args.ip ?? null,
      })
      return row.id
    }),
  )
}

/** The initiatives a goal can name: owned or co-owned by the region or one of its co-owners. */
export async function listLinkableInitiatives(db: DB, agendaId: number) {
  const owners = db
    .selectFrom('agendas')
    .select('organisation_id')
    .where('id', '=', agendaId)
    .union(
      db.selectFrom('agenda_co_owners').select('organisation_id').where('agenda_id', '=', agendaId),
    )
  return db
    .selectFrom('initiatives as i')
    .select(['i.id', 'i.title'])
    .where((eb) =>
      eb.or([
        eb('i.organisation_id', 'in', owners),
        eb.exists(
          eb
            .selectFrom('initiative_co_owners as c')
            .select('c.initiative_id')
            .whereRef('c.initiative_id', '=', 'i.id')
            .where('c.state', '=', 'accepted')
            .where('c.organisation_id', 'in', owners),
        ),
      ]),
    )
    .orderBy('i.title')
    .limit(500)
    .execute()
}

export async function linkInitiative(
  db: DB,
  args: { goalId: number; userId: number; initiativeId: number; ip?: string | null },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const goal = await editableGoal(tx, args.goalId, args.userId)
      const linkable = await listLinkableInitiatives(tx, goal.agenda_id)
      if (!linkable.some((i) => i.id === args.initiativeId)) {
        throw new DomainError('agenda_link_not_owner')
      }
      const exists = await tx
        .selectFrom('agenda_goal_initiatives')
        .select('goal_id')
        .where('goal_id', '=', goal.id)
        .where('initiative_id', '=', args.initiativeId)
        .executeTakeFirst()
      if (exists) return
      await tx
        .insertInto('agenda_goal_initiatives')
        .values({
          goal_id: goal.id,
          initiative_id: args.initiativeId,
          added_at: now(),
          added_by: args.userId,
        })
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        action: 'agenda.initiative_linked',
        entityType: 'agenda_goal',
        entityId: goal.id,
        after: { initiative_id: args.initiativeId },
        ip: args.ip ?? null,
      })
    }),
  )
}

import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { listLinkableInitiatives } from './agenda-indicators.server'
import { liveSeries, type QuarterValue } from './agenda-metrics.server'
import { editableGoal, findRegion, isAgendaEditor } from './agendas.server'
import { DomainError } from './errors.server'
import { listThemes } from './reference.server'

// Reads of the regional agenda (decision record 033): the public page (a published agenda for
// everyone, a draft only for its editors: 404 for anyone else), the editors' pages and the index
// of published agendas.

async function agendaOfRegion(db: DB, regionId: number) {
  return db
    .selectFrom('agendas')
    .selectAll()
    .where('organisation_id', '=', regionId)
    .executeTakeFirst()
}

async function coOwnersOf(db: DB, agendaId: number) {
  return db
    .selectFrom('agenda_co_owners as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['o.id', 'o.slug', 'o.name'])
    .where('c.agenda_id', '=', agendaId)
    .orderBy('c.added_at')
    .orderBy('o.name')
    .execute()
}

async function indicatorsOf(db: DB, goalIds: number[], locale: Locale) {
  if (goalIds.length === 0) return []
  return db
    .selectFrom('agenda_indicators as i')
    .leftJoin('themes as t', 't.code', 'i.theme_code')
    .selectAll('i')
    .select(locale === 'en' ? 't.name_en as theme_name' : 't.name_sv as theme_name')
    .where('i.goal_id', 'in', goalIds)
    .orderBy('i.goal_id')
    .orderBy('i.id')
    .execute()
}

/** Every measurement of the indicators, oldest first, with whether a later one corrects it. */
async function measurementsOf(db: DB, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return []
  return db
    .selectFrom('agenda_measurements as m')
    .leftJoin('agenda_measurements as c', 'c.corrects_id', 'm.id')
    .select([
      'm.id',
      'm.indicator_id',
      'm.measured_on',
      'm.value',
      'm.source',
      'm.corrects_id',
      'c.id as corrected_by_id',
    ])
    .where('m.indicator_id', 'in', indicatorIds)
    .orderBy('m.measured_on')
    .orderBy('m.id')
    .execute()
}

async function targetChangesOf(db: DB, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return []
  return db
    .selectFrom('agenda_target_changes')
    .select([
      'indicator_id',
      'old_value',
      'old_date',
      'new_value',
      'new_date',
      'reason',
      'changed_at',
    ])
    .where('indicator_id', 'in', indicatorIds)
    .orderBy('id')
    .execute()
}

async function initiativesOf(db: DB, goalIds: number[]) {
  if (goalIds.length === 0) return []
  return db
    .selectFrom('agenda_goal_initiatives as l')
    .innerJoin('initiatives as i', 'i.id', 'l.initiative_id')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select(['l.goal_id', 'i.id', 'i.title', 'i.status', 'o.name as owner_name'])
    .where('l.goal_id', 'in', goalIds)
    .orderBy('i.title')
    .execute()
}

export interface IndicatorView {
  id: number
  label: string
  source_kind: 'live' | 'manual'
  metric: string | null
  theme_name: string | null
  unit: 'count' | 'percent'
  target_value: number
  target_date: string
  /** Live: one value a quarter. */
  quarters: QuarterValue[]
  /** Manual: the values in force (corrections replace what they correct), oldest first. */
  measurements: Array<{
    id: number
    measured_on: string
    value: number
    source: string
    corrects_id: number | null
  }>
  corrected: Array<{ id: number; measured_on: string; value: number; source: string }>
  targetChanges: Array<{
    old_value: number
    old_date: string
    new_value: number
    new_date: string
    reason: string
    changed_at: number
  }>
}

/** Indicators of the goals with their figures: live ones computed in SQL, manual ones as entered. */
async function indicatorViews(
  db: DB,
  goalIds: number[],
  context: { countyCode: string; startsOn: string },
  locale: Locale,
): Promise<Array<IndicatorView & { goal_id: number }>> {
  const indicators = await indicatorsOf(db, goalIds, locale)
  const ids = indicators.map((i) => i.id)
  const [measurements, changes] = await Promise.all([
    measurementsOf(db, ids),
    targetChangesOf(db, ids),
  ])
  const views = []
  for (const i of indicators) {
    const quarters =
      i.source_kind === 'live' && i.metric
        ? await liveSeries(db, {
            metric: i.metric,
            countyCode: context.countyCode,
            themeCode: i.theme_code,
            startsOn: context.startsOn,
          })
        : []
    const own = measurements.filter((m) => m.indicator_id === i.id)
    views.push({
      id: i.id,
      goal_id: i.goal_id,
      label: i.label,
      source_kind: i.source_kind,
      metric: i.metric,
      theme_name: i.theme_name ?? null,
      unit: i.unit,
      target_value: i.target_value,
      target_date: i.target_date,
      quarters,
      measurements: own
        .filter((m) => m.corrected_by_id === null)
        .map(({ id, measured_on, value, source, corrects_id }) => ({
          id,
          measured_on,
          value,
          source,
          corrects_id,
        })),
      corrected: own
        .filter((m) => m.corrected_by_id !== null)
        .map(({ id, measured_on, value, source }) => ({ id, measured_on, value, source })),
      targetChanges: changes
        .filter((c) => c.indicator_id === i.id)
        .map((c) => ({
          old_value: c.old_value,
          old_date: c.old_date,
          new_value: c.new_value,
          new_date: c.new_date,
          reason: c.reason,
          changed_at: c.changed_at,
        })),
    })
  }
  return views
}

/**
 * The public agenda page of the region `slug`: a published agenda for everyone with its published
 * goals; a draft, and draft goals, only for its editors. Anything else is 'not_found'.
 */
export async function getAgendaPage(db: DB, slug: string, userId: number | null, locale: Locale) {
  const region = await findRegion(db, slug)
  const agenda = await agendaOfRegion(db, region.id)
  if (!agenda) throw new DomainError('not_found')
  const editor = userId !== null && (await isAgendaEditor(db, agenda.id, userId))
  if (agenda.status !== 'published' && !editor) throw new DomainError('not_found')
  const goals = await db
    .selectFrom('agenda_goals')
    .select(['id', 'title', 'description', 'status', 'position'])
    .where('agenda_id', '=', agenda.id)
    .$if(!editor, (qb) => qb.where('status', '=', 'published'))
    .orderBy('position')
    .execute()
  const goalIds = goals.map((g) => g.id)
  const [coOwners, indicators, initiatives] = await Promise.all([
    coOwnersOf(db, agenda.id),
    indicatorViews(
      db,
      goalIds,
      { countyCode: region.county_code, startsOn: agenda.starts_on },
      locale,
    ),
    initiativesOf(db, goalIds),
  ])
  return {
    region: { slug: region.slug, name: region.name },
    agenda: {
      id: agenda.id,
      title: agenda.title,
      summary: agenda.summary,
      starts_on: agenda.starts_on,
      status: agenda.status,
      published_at: agenda.published_at,
    },
    editor,
    coOwners,
    goals: goals.map((g) => ({
      ...g,
      indicators: indicators.filter((i) => i.goal_id === g.id),
      initiatives: initiatives.filter((i) => i.goal_id === g.id),
    })),
  }
}

/** Does the organisation have a published agenda (for the link on its page)? */
export async function hasPublishedAgenda(db: DB, organisationId: number) {
  const row = await db
    .selectFrom('agendas')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return Boolean(row)
}

/** Every published agenda, newest first, with its region and number of published goals. */
export async function listPublishedAgendas(db: DB) {
  return db
    .selectFrom('agendas as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select((eb) => [
      'a.id',
      'a.title',
      'a.summary',
      'o.slug',
      'o.name',
      eb
        .selectFrom('agenda_goals as g')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('g.agenda_id', '=', 'a.id')
        .where('g.status', '=', 'published')
        .as('goal_count'),
    ])
    .where('a.status', '=', 'published')
    .orderBy('a.published_at', 'desc')
    .limit(100)
    .execute()
}

/**
 * The editors' page of the region's agenda: a member of the region (who may create it) or, once
 * it exists, of a co-owner. Anyone else: 'not_found'.
 */
export async function getAgendaEditPage(db: DB, slug: string, userId: number) {
  const region = await findRegion(db, slug)
  const agenda = await agendaOfRegion(db, region.id)
  const regionMember = Boolean(
    await db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', region.id)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  )
  if (!agenda) {
    if (!regionMember) throw new DomainError('not_found')
    return { region, agenda: null, regionMember, goals: [], coOwners: [], candidates: [] }
  }
  if (!(await isAgendaEditor(db, agenda.id, userId))) throw new DomainError('not_found')
  const coOwners = await coOwnersOf(db, agenda.id)
  const goals = await db
    .selectFrom('agenda_goals as g')
    .select((eb) => [
      'g.id',
      'g.title',
      'g.status',
      eb
        .selectFrom('agenda_indicators as i')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('i.goal_id', '=', 'g.id')
        .as('indicator_count'),
    ])
    .where('g.agenda_id', '=', agenda.id)
    .orderBy('g.position')
    .execute()
  const candidates = regionMember
    ? await db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('kind', 'in', ['public_body', 'intermediary'])
        .where('verification_status', '=', 'verified')
        .where('id', '<>', region.id)
        .where('id', 'not in', [0, ...coOwners.map((c) => c.id)])
        .orderBy('name')
        .limit(500)
        .execute()
    : []
  return { region, agenda, regionMember, goals, coOwners, candidates }
}

/** The editors' page of one goal of the region's agenda; 'not_found' for anyone else. */
export async function getGoalEditPage(
  db: DB,
  slug: string,
  goalId: number,
  userId: number,
  locale: Locale,
) {
  const region = await findRegion(db, slug)
  const goal = await editableGoal(db, goalId, userId)
  const agenda = await agendaOfRegion(db, region.id)
  if (!agenda || agenda.id !== goal.agenda_id) throw new DomainError('not_found')
  const [indicators, linked, linkable, themes] = await Promise.all([
    indicatorViews(
      db,
      [goal.id],
      { countyCode: region.county_code, startsOn: agenda.starts_on },
      locale,
    ),
    initiativesOf(db, [goal.id]),
    listLinkableInitiatives(db, agenda.id),
    listThemes(db, locale),
  ])
  return {
    region: { slug: region.slug, name: region.name },
    agenda: { id: agenda.id, title: agenda.title },
    goal: {
      id: goal.id,
      title: goal.title,
      description: goal.description,
      status: goal.status,
    },
    indicators,
    linked,
    linkable: linkable.filter((i) => !linked.some((l) => l.id === i.id)),
    themes,
  }
}

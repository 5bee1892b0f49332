import { afterEach, describe, expect, test } from 'vitest'
import { liveSeries } from '~/models/agenda-metrics.server'
import { changeTarget, linkInitiative, recordMeasurement } from '~/models/agenda-indicators.server'
import { getAgendaPage } from '~/models/agenda-reads.server'
import { createGoal, publishAgenda, publishGoal } from '~/models/agendas.server'
import { createInitiative } from '~/models/initiatives.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createAgenda } from '../helpers/agenda-factories'
import { resetClock } from '../helpers/call-factories'
import { INPUT } from '../helpers/initiative-factories'
import { rawError } from '../helpers/inspect'
import { createCompletedPilot, createReference } from '../helpers/reference-factories'
import {
  createCompany,
  createHost,
  createOffer,
  createSubmittedApplication,
} from '../helpers/test-bed-factories'
import { createUser } from '../helpers/factories'

// The regional agenda's models (decision record 033): the live metrics per quarter, the manual
// measurements, targets with history, who may edit and who may read.

const db = getDb()
afterEach(() => resetClock())

const today = () => new Date(now() * 1000).toISOString().slice(0, 10)
const yearAgo = () => new Date((now() - 365 * 86400) * 1000).toISOString().slice(0, 10)

async function series(metric: Parameters<typeof liveSeries>[1]['metric'], theme: string | null) {
  return liveSeries(db, { metric, countyCode: '25', themeCode: theme, startsOn: yearAgo() })
}
const last = (rows: Array<{ value: number | null }>) => rows.at(-1)!.value

describe('live metrics', () => {
  test('one value a quarter from the start quarter to the current one, cumulative', async () => {
    const rows = await series('sme_pilots_completed', null)
    expect(rows.length).toBeGreaterThanOrEqual(4)
    expect(rows.length).toBeLessThanOrEqual(5)
    expect(rows[0]!.quarter).toMatch(/^\d{4}-(01|04|07|10)-01$/)
    expect(rows.at(-1)!.quarter <= today()).toBe(true)
    const starts = await liveSeries(db, {
      metric: 'references_published',
      countyCode: '25',
      themeCode: null,
      startsOn: '2000-02-15',
    })
    expect(starts).toHaveLength(40)
    expect(starts[0]!.quarter).toBe('2000-01-01')
  })

  test('SMEs that completed a pilot in the county, in the theme, count in the current quarter', async () => {
    const before = await series('sme_pilots_completed', 'active_healthy_ageing')
    const otherTheme = await series('sme_pilots_completed', 'energy')
    await createCompletedPilot(db)
    const after = await series('sme_pilots_completed', 'active_healthy_ageing')
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1))
    expect(last(after)).toBe(last(before)! + 1)
    expect(last(await series('sme_pilots_completed', 'energy'))).toBe(last(otherTheme))
    // Another county counts nothing here.
    const elsewhere = await liveSeries(db, {
      metric: 'sme_pilots_completed',
      countyCode: '01',
      themeCode: null,
      startsOn: yearAgo(),
    })
    expect(elsewhere.every((q) => q.value === 0)).toBe(true)
  })

  test('published references, and the SME share of awards (null without awards)', async () => {
    const none = await liveSeries(db, {
      metric: 'sme_award_share',
      countyCode: '01',
      themeCode: null,
      startsOn: yearAgo(),
    })
    expect(none.every((q) => q.value === null)).toBe(true)
    const refsBefore = last(await series('references_published', null))!
    await createReference(db, { status: 'published' })
    expect(last(await series('references_published', null))).toBe(refsBefore + 1)
    expect(last(await series('references_published', 'energy'))).toBe(
      last(await series('references_published', 'energy')),
    )
    await createReference(db, { source: 'call', status: 'published' })
    const share = last(await series('sme_award_share', null))
    expect(share).not.toBeNull()
    expect(share).toBeGreaterThan(0)
    expect(share).toBeLessThanOrEqual(100)
  })

  test('first-time participants: a company’s first submitted application counts once', async () => {
    const before = last(await series('first_time_participants', null))!
    const host = await createHost(db)
    const company = await createCompany(db)
    const a = await createOffer(db, host)
    const b = await createOffer(db, host)
    await createSubmittedApplication(db, a.id, company)
    await createSubmittedApplication(db, b.id, company)
    expect(last(await series('first_time_participants', null))).toBe(before + 1)
  })
})

describe('measurements and targets', () => {
  test('manual measurements are append-only; a correction replaces its value once', async () => {
    const { region, manualId, liveId } = await createAgenda(db)
    const first = await recordMeasurement(db, {
      indicatorId: manualId,
      userId: region.user.id,
      measured_on: '2026-03-01',
      value: 120,
      source: 'Deltagarlistor',
      corrects: null,
    })
    await recordMeasurement(db, {
      indicatorId: manualId,
      userId: region.user.id,
      measured_on: '2026-03-01',
      value: 110,
      source: 'Deltagarlistor, rättade',
      corrects: first,
    })
    expect(
      await rawError(() =>
        recordMeasurement(db, {
          indicatorId: manualId,
          userId: region.user.id,
          measured_on: '2026-03-01',
          value: 100,
          source: 'Igen',
          corrects: first,
        }),
      ),
    ).toMatch(/agenda_measurement_append_only/)
    expect(
      await rawError(() =>
        recordMeasurement(db, {
          indicatorId: liveId,
          userId: region.user.id,
          measured_on: '2026-03-01',
          value: 1,
          source: 'Fel',
          corrects: null,
        }),
      ),
    ).toMatch(/agenda_measurement_manual_only/)
    const rows = await db
      .selectFrom('agenda_measurements')
      .select(['value', 'corrects_id'])
      .where('indicator_id', '=', manualId)
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      { value: 120, corrects_id: null },
      { value: 110, corrects_id: first },
    ])
  })

  test('a published target changes only with a reason, and the old target is kept', async () => {
    const { region, liveId, goalId } = await createAgenda(db, { publish: true })
    expect(
      await rawError(() =>
        changeTarget(db, {
          indicatorId: liveId,
          userId: region.user.id,
          target_value: 15,
          target_date: '2028-12-31',
          reason: null,
        }),
      ),
    ).toMatch(/agenda_target_reason/)
    await changeTarget(db, {
      indicatorId: liveId,
      userId: region.user.id,
      target_value: 15,
      target_date: '2029-06-30',
      reason: 'Innovationsrådet höjde målet.',
    })
    const changes = await db
      .selectFrom('agenda_target_changes')
      .select(['old_value', 'old_date', 'new_value', 'new_date', 'reason'])
      .where('indicator_id', '=', liveId)
      .execute()
    expect(changes).toEqual([
      {
        old_value: 10,
        old_date: '2028-12-31',
        new_value: 15,
        new_date: '2029-06-30',
        reason: 'Innovationsrådet höjde målet.',
      },
    ])
    const log = await db
      .selectFrom('status_log')
      .select(['from_status', 'to_status'])
      .where('entity_type', '=', 'agenda_goals')
      .where('entity_id', '=', goalId)
      .orderBy('id')
      .execute()
    expect(log).toEqual([
      { from_status: null, to_status: 'draft' },
      { from_status: 'draft', to_status: 'published' },
    ])
  })
})

describe('who edits and who reads', () => {
  test('the region and co-owners edit; anyone else is not found', async () => {
    const { region, coOwner, agendaId, goalId } = await createAgenda(db)
    const outsider = await createHost(db)
    const goal = await createGoal(db, {
      agendaId,
      userId: coOwner.user.id,
      input: { title: 'Medägarens mål', description: '' },
    })
    expect(goal).toBeGreaterThan(0)
    expect(
      await rawError(() =>
        createGoal(db, {
          agendaId,
          userId: outsider.user.id,
          input: { title: 'Inte mitt', description: '' },
        }),
      ),
    ).toMatch(/not_found/)
    expect(await rawError(() => publishGoal(db, { goalId: goal, userId: region.user.id }))).toMatch(
      /agenda_goal_needs_indicator/,
    )
    // Initiatives: the co-owner's own counts, an outsider's does not.
    const own = await createInitiative(db, {
      organisation: { id: coOwner.org.id, kind: 'public_body', verification_status: 'verified' },
      userId: coOwner.user.id,
      input: INPUT,
    })
    const foreign = await createInitiative(db, {
      organisation: { id: outsider.org.id, kind: 'public_body', verification_status: 'verified' },
      userId: outsider.user.id,
      input: INPUT,
    })
    await linkInitiative(db, { goalId, userId: region.user.id, initiativeId: own.id })
    expect(
      await rawError(() =>
        linkInitiative(db, { goalId, userId: region.user.id, initiativeId: foreign.id }),
      ),
    ).toMatch(/agenda_link_not_owner/)
  })

  test('a draft agenda is not found for others; published, everyone reads its published goals', async () => {
    const { region, coOwner, agendaId, goalId } = await createAgenda(db)
    const stranger = await createUser(db)
    await expect(getAgendaPage(db, region.org.slug, null, 'sv')).rejects.toThrow(/not_found/)
    await expect(getAgendaPage(db, region.org.slug, stranger.id, 'sv')).rejects.toThrow(/not_found/)
    const preview = await getAgendaPage(db, region.org.slug, coOwner.user.id, 'sv')
    expect(preview.editor).toBe(true)
    expect(preview.goals.map((g) => g.id)).toEqual([goalId])
    await publishAgenda(db, { agendaId, userId: region.user.id })
    const published = await getAgendaPage(db, region.org.slug, null, 'en')
    expect(published.goals).toEqual([])
    await publishGoal(db, { goalId, userId: region.user.id })
    const page = await getAgendaPage(db, region.org.slug, null, 'en')
    expect(page.editor).toBe(false)
    expect(page.coOwners.map((c) => c.id)).toEqual([coOwner.org.id])
    const [goal] = page.goals
    expect(goal!.indicators.map((i) => [i.source_kind, i.unit, i.theme_name])).toEqual([
      ['live', 'count', 'Active and healthy ageing'],
      ['manual', 'count', null],
    ])
    expect(goal!.indicators[0]!.quarters.length).toBeGreaterThan(0)
  })
})

import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordMeasurement } from '~/models/agenda-indicators.server'
import { getDb } from '~/utils/db.server'
import { createAgenda, createRegion } from '../helpers/agenda-factories'
import { createUser } from '../helpers/factories'
import { createHost } from '../helpers/test-bed-factories'

// The regional agenda's rules (migration 2026-12-07-16-agenda), attacked with SQL no model wrote,
// through a plain connection (foreign keys and recursive triggers off, like a sqlite3 shell):
// UPDATE, DELETE, REPLACE and ON CONFLICT.

const db = getDb()
let plain: Database.Database
beforeAll(() => {
  plain = new Database(process.env.DATABASE_PATH!)
})
afterAll(() => plain.close())

function refused(statement: string, ...params: unknown[]) {
  try {
    plain.prepare(statement).run(...params)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`accepted: ${statement}`)
}
const count = (table: string, where = '1') =>
  plain.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number

describe('owners and editors', () => {
  test('only a verified region owns an agenda, written by its members', async () => {
    const host = await createHost(db)
    const region = await createRegion(db)
    const stranger = await createUser(db)
    const insert = `INSERT INTO agendas (organisation_id, title, summary, starts_on, created_at,
      created_by, updated_at, updated_by) VALUES (?, 'Agenda', 'Vart vi ska, kort.', '2026-01-01',
      unixepoch(), ?, unixepoch(), ?)`
    expect(refused(insert, host.org.id, host.user.id, host.user.id)).toMatch(
      /agenda_owner_not_region/,
    )
    expect(refused(insert, region.org.id, stranger.id, stranger.id)).toMatch(/agenda_not_editor/)
    expect(
      refused(
        insert
          .replace("'2026-01-01',", "'2026-01-01', 'published', unixepoch(),")
          .replace('starts_on,', 'starts_on, status, published_at,'),
        region.org.id,
        region.user.id,
        region.user.id,
      ),
    ).toMatch(/agenda_published/)
  })

  test('co-owners are verified, not the region, added by the region; outsiders cannot edit', async () => {
    const { region, coOwner, agendaId, goalId } = await createAgenda(db)
    const company = await createUser(db)
    const add = `INSERT INTO agenda_co_owners (agenda_id, organisation_id, added_at, added_by)
      VALUES (?, ?, unixepoch(), ?)`
    expect(refused(add, agendaId, region.org.id, region.user.id)).toMatch(/agenda_co_owner_invalid/)
    const other = await createHost(db)
    expect(refused(add, agendaId, other.org.id, coOwner.user.id)).toMatch(/agenda_not_editor/)
    expect(
      refused(
        `UPDATE agenda_goals SET title = 'Kapat mål', updated_by = ? WHERE id = ?`,
        company.id,
        goalId,
      ),
    ).toMatch(/agenda_not_editor/)
    // A co-owner's member may edit.
    plain
      .prepare(`UPDATE agenda_goals SET title = 'Medägarens rubrik', updated_by = ? WHERE id = ?`)
      .run(coOwner.user.id, goalId)
  })
})

describe('publication', () => {
  test('a goal needs an indicator; published goals and agendas never go back or away', async () => {
    const { region, agendaId, goalId } = await createAgenda(db, { publish: true })
    plain
      .prepare(
        `INSERT INTO agenda_goals (agenda_id, position, title, created_at, created_by, updated_at,
        updated_by) VALUES (?, 9, 'Tomt mål', unixepoch(), ?, unixepoch(), ?)`,
      )
      .run(agendaId, region.user.id, region.user.id)
    const empty = plain.prepare('SELECT max(id) FROM agenda_goals').pluck().get() as number
    expect(
      refused(
        `UPDATE agenda_goals SET status = 'published', published_at = unixepoch() WHERE id = ?`,
        empty,
      ),
    ).toMatch(/agenda_goal_needs_indicator/)
    expect(
      refused(`UPDATE agenda_goals SET status = 'draft', published_at = NULL WHERE id = ?`, goalId),
    ).toMatch(/agenda_published/)
    expect(refused(`UPDATE agenda_goals SET published_at = 1 WHERE id = ?`, goalId)).toMatch(
      /agenda_published/,
    )
    expect(refused(`DELETE FROM agenda_goals WHERE id = ?`, goalId)).toMatch(/agenda_published/)
    expect(
      refused(`UPDATE agendas SET status = 'draft', published_at = NULL WHERE id = ?`, agendaId),
    ).toMatch(/agenda_published/)
    expect(refused(`UPDATE agendas SET starts_on = '2020-01-01' WHERE id = ?`, agendaId)).toMatch(
      /agenda_published/,
    )
    expect(refused(`DELETE FROM agendas WHERE id = ?`, agendaId)).toMatch(/agenda_published/)
    // REPLACE and UPSERT cannot reset a published goal or agenda to a draft.
    expect(
      refused(
        `REPLACE INTO agenda_goals (id, agenda_id, position, title, created_at, created_by,
        updated_at, updated_by) VALUES (?, ?, 1, 'Ny', unixepoch(), ?, unixepoch(), ?)`,
        goalId,
        agendaId,
        region.user.id,
        region.user.id,
      ),
    ).toMatch(/row_exists/)
    expect(
      refused(
        `INSERT INTO agendas (organisation_id, title, summary, starts_on, created_at, created_by,
        updated_at, updated_by) VALUES (?, 'Ny agenda', 'En ny agenda här.', '2020-01-01',
        unixepoch(), ?, unixepoch(), ?) ON CONFLICT (organisation_id) DO UPDATE SET status = 'draft'`,
        region.org.id,
        region.user.id,
        region.user.id,
      ),
    ).toMatch(/row_exists/)
    expect(count('agenda_goals', `id = ${goalId} AND status = 'published'`)).toBe(1)
    expect(count('status_log', `entity_type = 'agendas' AND entity_id = ${agendaId}`)).toBe(2)
  })

  test('what a published indicator measures is fixed; its target moves only with a fresh reason', async () => {
    const { region, liveId } = await createAgenda(db, { publish: true })
    expect(
      refused(`UPDATE agenda_indicators SET metric = 'references_published' WHERE id = ?`, liveId),
    ).toMatch(/agenda_published/)
    expect(refused(`UPDATE agenda_indicators SET theme_code = NULL WHERE id = ?`, liveId)).toMatch(
      /agenda_published/,
    )
    expect(refused(`DELETE FROM agenda_indicators WHERE id = ?`, liveId)).toMatch(
      /agenda_published/,
    )
    expect(
      refused(
        `UPDATE agenda_indicators SET target_value = 3, updated_at = unixepoch() WHERE id = ?`,
        liveId,
      ),
    ).toMatch(/agenda_target_reason/)
    expect(
      refused(
        `UPDATE agenda_indicators SET target_value = 3, target_reason = '...!', updated_at = unixepoch()
        WHERE id = ?`,
        liveId,
      ),
    ).toMatch(/agenda_target_reason/)
    plain
      .prepare(
        `UPDATE agenda_indicators SET target_value = 3, target_reason = 'Sänkt efter omprövning',
        updated_at = unixepoch(), updated_by = ? WHERE id = ?`,
      )
      .run(region.user.id, liveId)
    expect(
      refused(
        `UPDATE agenda_indicators SET target_value = 2, updated_at = unixepoch() WHERE id = ?`,
        liveId,
      ),
    ).toMatch(/agenda_target_reason/)
    const change = `indicator_id = ${liveId}`
    expect(count('agenda_target_changes', change)).toBe(1)
    expect(refused(`UPDATE agenda_target_changes SET old_value = 99 WHERE ${change}`)).toMatch(
      /history_append_only/,
    )
    expect(refused(`DELETE FROM agenda_target_changes WHERE ${change}`)).toMatch(
      /history_append_only/,
    )
    expect(
      refused(
        `INSERT INTO agenda_target_changes (indicator_id, old_value, old_date, new_value, new_date,
        reason, changed_at, changed_by) VALUES (?, 1, '2027-01-01', 2, '2027-01-01', 'Förfalskat',
        unixepoch(), ?)`,
        liveId,
        region.user.id,
      ),
    ).toMatch(/history_append_only/)
    expect(
      refused(
        `REPLACE INTO agenda_target_changes (id, indicator_id, old_value, old_date, new_value,
        new_date, reason, changed_at, changed_by) SELECT id, indicator_id, 0, old_date, new_value,
        new_date, reason, changed_at, changed_by FROM agenda_target_changes WHERE ${change}`,
      ),
    ).toMatch(/row_exists|history_append_only/)
  })
})

describe('measurements and links', () => {
  test('measurements are append-only, for manual indicators, by editors, not in the future', async () => {
    const { region, manualId, liveId } = await createAgenda(db)
    const stranger = await createUser(db)
    const first = await recordMeasurement(db, {
      indicatorId: manualId,
      userId: region.user.id,
      measured_on: '2026-02-01',
      value: 10,
      source: 'Deltagarlista',
      corrects: null,
    })
    const insert = `INSERT INTO agenda_measurements (indicator_id, measured_on, value, source,
      corrects_id, recorded_at, recorded_by) VALUES (?, ?, ?, 'Källa', ?, unixepoch(), ?)`
    expect(refused(`UPDATE agenda_measurements SET value = 11 WHERE id = ?`, first)).toMatch(
      /agenda_measurement_append_only/,
    )
    expect(refused(`DELETE FROM agenda_measurements WHERE id = ?`, first)).toMatch(
      /agenda_measurement_append_only/,
    )
    expect(refused(insert, liveId, '2026-02-01', 1, null, region.user.id)).toMatch(
      /agenda_measurement_manual_only/,
    )
    expect(refused(insert, manualId, '2026-02-01', 1, null, stranger.id)).toMatch(
      /agenda_not_editor/,
    )
    expect(refused(insert, manualId, '2999-01-01', 1, null, region.user.id)).toMatch(
      /agenda_measured_in_future/,
    )
    plain.prepare(insert).run(manualId, '2026-02-01', 9, first, region.user.id)
    expect(refused(insert, manualId, '2026-02-01', 8, first, region.user.id)).toMatch(/row_exists/)
    expect(
      refused(
        `REPLACE INTO agenda_measurements (id, indicator_id, measured_on, value, source,
        recorded_at, recorded_by) VALUES (?, ?, '2026-02-01', 99, 'Byte', unixepoch(), ?)`,
        first,
        manualId,
        region.user.id,
      ),
    ).toMatch(/row_exists/)
    expect(
      plain.prepare('SELECT value FROM agenda_measurements WHERE id = ?').pluck().get(first),
    ).toBe(10)
  })

  test('links of a published goal stay; a link to another organisation’s initiative is refused', async () => {
    const { region, goalId } = await createAgenda(db, { publish: true })
    const outsider = await createHost(db)
    plain
      .prepare(
        `INSERT INTO initiatives (organisation_id, kind, title, summary, contact_role,
        contact_email, created_at, created_by, updated_at, updated_by) VALUES (?, 'project',
        'Främmande projekt', 'Ett projekt någon annanstans.', 'Projektledare', 'p@example.test',
        unixepoch(), ?, unixepoch(), ?)`,
      )
      .run(outsider.org.id, outsider.user.id, outsider.user.id)
    const foreign = plain.prepare('SELECT max(id) FROM initiatives').pluck().get() as number
    const link = `INSERT INTO agenda_goal_initiatives (goal_id, initiative_id, added_at, added_by)
      VALUES (?, ?, unixepoch(), ?)`
    expect(refused(link, goalId, foreign, region.user.id)).toMatch(/agenda_link_not_owner/)
    plain
      .prepare(
        `INSERT INTO initiatives (organisation_id, kind, title, summary, contact_role,
        contact_email, created_at, created_by, updated_at, updated_by) VALUES (?, 'project',
        'Eget projekt', 'Ett projekt i regionen.', 'Projektledare', 'p@example.test',
        unixepoch(), ?, unixepoch(), ?)`,
      )
      .run(region.org.id, region.user.id, region.user.id)
    const own = plain.prepare('SELECT max(id) FROM initiatives').pluck().get() as number
    plain.prepare(link).run(goalId, own, region.user.id)
    expect(refused(link, goalId, own, region.user.id)).toMatch(/row_exists/)
    expect(
      refused(
        `DELETE FROM agenda_goal_initiatives WHERE goal_id = ? AND initiative_id = ?`,
        goalId,
        own,
      ),
    ).toMatch(/agenda_published/)
  })
})

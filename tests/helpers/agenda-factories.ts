import type { DB } from '#db/connection'
import {
  addAgendaCoOwner,
  createGoal,
  publishAgenda,
  publishGoal,
  saveAgenda,
} from '~/models/agendas.server'
import { addIndicator } from '~/models/agenda-indicators.server'
import { now } from '~/utils/clock.server'
import { addMember, createUser, orgNumber, unique } from './factories'
import { createHost } from './test-bed-factories'

// A verified region with an agenda for the regional-agenda tests (migration 2026-12-07-16-agenda).

/** A verified region in Norrbotten (county 25) with one admin user. */
export async function createRegion(db: DB) {
  const user = await createUser(db)
  const admin = await createUser(db, { isPlatformAdmin: true })
  const at = now()
  const slug = unique('region-').toLowerCase()
  const org = await db
    .insertInto('organisations')
    .values({
      slug,
      kind: 'public_body',
      public_body_type: 'region',
      name: `Region ${slug}`,
      org_number: orgNumber('23'),
      county_code: '25',
      municipality_code: null,
      size_class: null,
      website: null,
      description: '',
      verification_status: 'pending',
      verification_note: null,
      verified_at: null,
      verified_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning(['id', 'slug', 'name', 'kind'])
    .executeTakeFirstOrThrow()
  await addMember(db, org.id, user.id, 'admin')
  await db
    .updateTable('organisations')
    .set({ verification_status: 'verified', verified_by: admin.id, verified_at: now() })
    .where('id', '=', org.id)
    .execute()
  return { org, user }
}

export const AGENDA_INPUT = {
  title: 'Länets innovationsagenda',
  summary: 'Vart länet ska: fler piloter och referenser.',
  starts_on: '2026-01-01',
}

/** A region with a draft agenda, a co-owner (a verified public body) and a goal with an indicator. */
export async function createAgenda(db: DB, options: { publish?: boolean; startsOn?: string } = {}) {
  const region = await createRegion(db)
  const coOwner = await createHost(db)
  const agendaId = await saveAgenda(db, {
    regionSlug: region.org.slug,
    userId: region.user.id,
    input: { ...AGENDA_INPUT, starts_on: options.startsOn ?? AGENDA_INPUT.starts_on },
  })
  await addAgendaCoOwner(db, { agendaId, userId: region.user.id, organisationId: coOwner.org.id })
  const goalId = await createGoal(db, {
    agendaId,
    userId: region.user.id,
    input: { title: 'Fler piloter', description: '' },
  })
  const liveId = await addIndicator(db, {
    goalId,
    userId: region.user.id,
    input: {
      label: 'Piloter i vård och omsorg',
      source_kind: 'live',
      metric: 'sme_pilots_completed',
      theme_code: 'active_healthy_ageing',
      target_value: 10,
      target_date: '2028-12-31',
    },
  })
  const manualId = await addIndicator(db, {
    goalId,
    userId: region.user.id,
    input: {
      label: 'Deltagare i forum',
      source_kind: 'manual',
      unit: 'count',
      target_value: 1500,
      target_date: '2028-12-31',
    },
  })
  if (options.publish) {
    await publishGoal(db, { goalId, userId: region.user.id })
    await publishAgenda(db, { agendaId, userId: region.user.id })
  }
  return { region, coOwner, agendaId, goalId, liveId, manualId }
}

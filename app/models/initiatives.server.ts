import type { DB } from '#db/connection'
import type { BudgetBand, InitiativeKind, InitiativeStatus, SizeClass } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { listCounties, listMunicipalities, listSectors, listThemes } from './reference.server'
import { VERIFIED_KINDS } from '~/domain/vocabularies'

// The initiatives register (issue 15, decision record 027): writing an initiative and its target
// rows, moving its status forward. Everything in the register is public; only members of the
// owner or of an accepted co-owner write. Co-owners and links: initiative-owners.server.ts; reads:
// initiative-reads.server.ts. The database enforces every rule again (migration
// 2026-12-07-10-initiatives).

export interface InitiativeInput {
  kind: InitiativeKind
  title: string
  summary: string
  description: string
  starts_on: string | null
  ends_on: string | null
  budget_band: BudgetBand
  contact_role: string
  contact_email: string
  themes: string[]
  cpv_codes: string[]
  size_classes: SizeClass[]
  sectors: string[]
  counties: string[]
  municipalities: string[]
}

/** Runs `work` in a transaction, or in the caller's when there is one (the demo seed's). */
export function inTransaction<T>(db: DB, work: (tx: DB) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}

/** What the initiative form offers, in the reader's language. */
export async function getInitiativeFormOptions(db: DB, locale: Locale) {
  const [themes, sectors, counties, municipalities] = await Promise.all([
    listThemes(db, locale),
    listSectors(db, locale),
    listCounties(db),
    listMunicipalities(db),
  ])
  return { themes, sectors, counties, municipalities }
}
export type InitiativeFormOptions = Awaited<ReturnType<typeof getInitiativeFormOptions>>

/** May the organisation own an initiative: a verified public body or intermediary. */
export function canOwnInitiatives(org: { kind: string; verification_status: string }) {
  return (
    (VERIFIED_KINDS as readonly string[]).includes(org.kind) &&
    org.verification_status === 'verified'
  )
}

/**
 * The initiative when the user is a member of its owner or of an accepted co-owner; otherwise
 * 'not_found' (an outsider may read it, on the public page, but never edit it).
 */
export async function editableInitiative(db: DB, initiativeId: number, userId: number) {
  const row = await db
    .selectFrom('initiatives as i')
    .selectAll('i')
    .where('i.id', '=', initiativeId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .select('m.user_id')
            .whereRef('m.organisation_id', '=', 'i.organisation_id')
            .where('m.user_id', '=', userId),
        ),
        eb.exists(
          eb
            .selectFrom('initiative_co_owners as c')
            .innerJoin('memberships as m', 'm.organisation_id', 'c.organisation_id')
            .select('m.user_id')
            .whereRef('c.initiative_id', '=', 'i.id')
            .where('c.state', '=', 'accepted')
            .where('m.user_id', '=', userId),
        ),
      ]),
    )
    .executeTakeFirst()
  if (!row) throw new DomainError('not_found')
  return row
}

function columns(input: InitiativeInput) {
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    description: input.description,
    starts_on: input.starts_on,
    ends_on: input.ends_on,
    budget_band: input.budget_band,
    contact_role: input.contact_role,
    contact_email: input.contact_email,
  }
}

async function replaceTargets(db: DB, id: number, input: InitiativeInput) {
  const tables = [
    ['initiative_themes', 'theme_code', input.themes],
    ['initiative_cpv_codes', 'cpv_code', input.cpv_codes],
    ['initiative_size_classes', 'size_class', input.size_classes],
    ['initiative_sectors', 'sector_code', input.sectors],
    ['initiative_counties', 'county_code', input.counties],
    ['initiative_municipalities', 'municipality_code', input.municipalities],
  ] as const
  for (const [table, column, values] of tables) {
    await db.deleteFrom(table).where('initiative_id', '=', id).execute()
    if (values.length === 0) continue
    await db
      .insertInto(table)
      .values(values.map((v) => ({ initiative_id: id, [column]: v }) as never))
      .execute()
  }
}

/** A new initiative of a verified public body or intermediary, written by one of its members. */
export async function createInitiative(
  db: DB,
  args: {
    organisation: { id: number; kind: string; verification_status: string }
    userId: number
    input: InitiativeInput
    status?: InitiativeStatus
    ip?: string | null
  },
) {
  if (!canOwnInitiatives(args.organisation)) throw new DomainError('initiative_owner_not_verified')
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const at = now()
      const row = await tx
        .insertInto('initiatives')
        .values({
          organisation_id: args.organisation.id,
          ...columns(args.input),
          status: args.status ?? 'idea',
          created_at: at,
          created_by: args.userId,
          updated_at: at,
          updated_by: args.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await replaceTargets(tx, row.id, args.input)
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: args.organisation.id,
        action: 'initiative.created',
        entityType: 'initiative',
        entityId: row.id,
        after: args.input,
        ip: args.ip ?? null,
      })
      return row
    }),
  )
}

/** Saves an initiative: members of the owner or of an accepted co-owner. */
export async function updateInitiative(
  db: DB,
  args: { initiativeId: number; userId: number; input: InitiativeInput; ip?: string | null },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const before = await editableInitiative(tx, args.initiativeId, args.userId)
      await tx
        .updateTable('initiatives')
        .set({ ...columns(args.input), updated_at: now(), updated_by: args.userId })
        .where('id', '=', before.id)
        .execute()
      await replaceTargets(tx, before.id, args.input)
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: before.organisation_id,
        action: 'initiative.updated',
        entityType: 'initiative',
        entityId: before.id,
        after: args.input,
        ip: args.ip ?? null,
      })
    }),
  )
}

export const INITIATIVE_STATUS_ORDER: readonly InitiativeStatus[] = [
  'idea',
  'planned',
  'active',
  'finished',
]

/** The statuses an initiative can move on to from `status` (forward only). */
export function nextStatuses(status: InitiativeStatus): InitiativeStatus[] {
  return INITIATIVE_STATUS_ORDER.slice(INITIATIVE_STATUS_ORDER.indexOf(status) + 1)
}

/** Moves the status forward (idea → planned → active → finished); the database logs it. */
export async function changeInitiativeStatus(
  db: DB,
  args: { initiativeId: number; userId: number; status: InitiativeStatus; ip?: string | null },
) {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const before = await editableInitiative(tx, args.initiativeId, args.userId)
      if (!nextStatuses(before.status).includes(args.status)) {
        throw new DomainError('initiative_status_backwards')
      }
      await tx
        .updateTable('initiatives')
        .set({ status: args.status, updated_at: now(), updated_by: args.userId })
        .where('id', '=', before.id)
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: before.organisation_id,
        action: 'initiative.status',
        entityType: 'initiative',
        entityId: before.id,
        before: { status: before.status },
        after: { status: args.status },
        ip: args.ip ?? null,
      })
    }),
  )
}

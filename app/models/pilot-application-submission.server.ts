import type { DB } from '#db/connection'
import { formatDateTime } from '~/i18n/format'
import { isLocale } from '~/i18n/locales'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { listMemberCompanies } from './memberships.server'
import { queueMail } from './outbox.server'
import {
  type ApplicationInput,
  applicationLink,
  CONTENT_COLUMNS,
  contentColumns,
  findLiveApplication,
  receiptHash,
} from './pilot-applications.server'

// A company's writes to its pilot applications: drafts, submission with a receipt, withdrawal
// and deleting a draft. The reads are in pilot-applications.server.ts.

/**
 * The company a user applies for: the one named by `companySlug`, or the user's only company.
 * Someone who is not a member of it (or names none while belonging to several) gets
 * 'not_company_member'.
 */
async function resolveCompany(db: DB, userId: number, companySlug: string | undefined) {
  const companies = await listMemberCompanies(db, userId)
  const company = companySlug
    ? companies.find((c) => c.slug === companySlug)
    : companies.length === 1
      ? companies[0]
      : undefined
  if (!company) throw new DomainError('not_company_member')
  return company
}

interface ApplyOptions {
  offerId: number
  userId: number
  /** Required when the user belongs to more than one company. */
  companySlug?: string | undefined
  content: ApplicationInput
  ip?: string | null
}

/**
 * Writes the company's draft: continues its live draft, or starts one. Nothing has to be
 * complete. Throws 'offer_not_open' or 'deadline_passed' (database), 'application_exists' when
 * the company's application is already submitted, 'not_company_member', 'not_found'.
 */
export async function saveDraft(
  db: DB,
  options: ApplyOptions,
): Promise<{ id: number; companySlug: string }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const { id, company } = await draftFor(tx, options, { audited: true })
      return { id, companySlug: company.slug }
    }),
  )
}

/**
 * The company's draft with the given content written to it, inserted if there is none. A submit
 * records itself in the audit log, so its draft write is not recorded separately.
 */
async function draftFor(tx: DB, options: ApplyOptions, { audited }: { audited: boolean }) {
  const offer = await tx
    .selectFrom('test_bed_offers')
    .select(['id', 'status'])
    .where('id', '=', options.offerId)
    .executeTakeFirst()
  if (!offer) throw new DomainError('not_found')
  const company = await resolveCompany(tx, options.userId, options.companySlug)
  const content = contentColumns(options.content)
  const at = now()
  const ip = options.ip ?? null
  const live = await findLiveApplication(tx, offer.id, company.id)
  if (live && live.status !== 'draft') throw new DomainError('application_exists')
  if (live) {
    // The insert triggers guard new drafts; a draft kept after the offer paused or closed must
    // not be edited either.
    if (offer.status !== 'published') throw new DomainError('offer_not_open')
    await tx
      .updateTable('pilot_applications')
      .set({ ...content, updated_at: at })
      .where('id', '=', live.id)
      .where('status', '=', 'draft')
      .execute()
    if (!audited) return { id: live.id, company }
    await audit(tx, {
      actorUserId: options.userId,
      organisationId: company.id,
      action: 'application.draft_saved',
      entityType: 'pilot_application',
      entityId: live.id,
      after: { offer_id: offer.id },
      ip,
    })
    return { id: live.id, company }
  }
  const row = await tx
    .insertInto('pilot_applications')
    .values({
      offer_id: offer.id,
      company_id: company.id,
      ...content,
      created_by: options.userId,
      created_at: at,
      updated_at: at,
      submitted_at: null,
      submitted_by: null,
      receipt_hash: null,
      withdrawn_at: null,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
      pilot_starts_on: null,
      pilot_ends_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (!audited) return { id: row.id, company }
  await audit(tx, {
    actorUserId: options.userId,
    organisationId: company.id,
    action: 'application.draft_created',
    entityType: 'pilot_application',
    entityId: row.id,
    after: { offer_id: offer.id },
    ip,
  })
  return { id: row.id, company }
}

/**
 * Submits the company's application with the given (complete) content, in one transaction:
 * the draft is written (or made), stamped, hashed, audited, and a receipt mail is queued to the
 * submitter in their own language. The database refuses with 'offer_not_open',
 * 'deadline_passed', 'trl_out_of_range' or 'application_exists' (already submitted).
 */
export async function submitApplication(
  db: DB,
  options: ApplyOptions,
): Promise<{ id: number; submittedAt: number; receiptHash: string }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const { id, company } = await draftFor(tx, options, { audited: false })
      const draft = await tx
        .selectFrom('pilot_applications')
        .select(['offer_id', 'company_id', ...CONTENT_COLUMNS])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const submittedAt = now()
      const hash = receiptHash({ ...draft, submitted_at: submittedAt })
      await tx
        .updateTable('pilot_applications')
        .set({
          status: 'submitted',
          submitted_at: submittedAt,
          submitted_by: options.userId,
          receipt_hash: hash,
          updated_at: submittedAt,
        })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .execute()
      await audit(tx, {
        actorUserId: options.userId,
        organisationId: company.id,
        action: 'application.submitted',
        entityType: 'pilot_application',
        entityId: id,
        after: { offer_id: draft.offer_id, submitted_at: submittedAt, receipt_hash: hash },
        ip: options.ip ?? null,
      })
      const [submitter, offer] = await Promise.all([
        tx
          .selectFrom('users')
          .select(['email', 'name', 'locale'])
          .where('id', '=', options.userId)
          .executeTakeFirstOrThrow(),
        tx
          .selectFrom('test_bed_offers')
          .innerJoin('organisations as host', 'host.id', 'test_bed_offers.organisation_id')
          .select([
            'test_bed_offers.title',
            'test_bed_offers.intake',
            'test_bed_offers.organisation_id',
            'host.name as host_name',
          ])
          .where('test_bed_offers.id', '=', draft.offer_id)
          .executeTakeFirstOrThrow(),
      ])
      const locale = isLocale(submitter.locale) ? submitter.locale : 'sv'
      await queueMail(tx, {
        to: submitter.email,
        locale,
        template: 'application_received',
        params: {
          name: submitter.name,
          company: company.name,
          offer: offer.title,
          host: offer.host_name,
          time: formatDateTime(submittedAt, locale),
          hash,
          link: applicationLink(id),
        },
      })
      // Rolling intake is decided as applications come, so the host hears of each one. A round
      // stays sealed until its deadline, so nobody at the host is told anything before then.
      if (offer.intake === 'rolling') {
        const hosts = await tx
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select(['users.email', 'users.name', 'users.locale'])
          .where('memberships.organisation_id', '=', offer.organisation_id)
          .execute()
        for (const host of hosts) {
          await queueMail(tx, {
            to: host.email,
            locale: isLocale(host.locale) ? host.locale : 'sv',
            template: 'application_to_review',
            params: {
              name: host.name,
              company: company.name,
              offer: offer.title,
              link: `${getEnv().APP_ORIGIN}/test-beds/${draft.offer_id}/applications/${id}`,
            },
          })
        }
      }
      return { id, submittedAt, receiptHash: hash }
    }),
  )
}

/** The application if the user is a member of its company, else 'not_found'. */
async function ownApplication(tx: DB, applicationId: number, userId: number) {
  const row = await tx
    .selectFrom('pilot_applications as a')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 'a.company_id').on('m.user_id', '=', userId),
    )
    .innerJoin('organisations as company', 'company.id', 'a.company_id')
    .select(['a.id', 'a.status', 'a.offer_id', 'a.company_id', 'company.slug as company_slug'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst()
  if (!row) throw new DomainError('not_found')
  return row
}

/**
 * A member of the company takes back a submitted application before it is decided. Its place
 * is free again, so the company may apply anew. Throws 'invalid_transition' otherwise.
 */
export async function withdrawApplication(
  db: DB,
  options: { applicationId: number; userId: number; ip?: string | null },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const app = await ownApplication(tx, options.applicationId, options.userId)
      if (app.status !== 'submitted') throw new DomainError('invalid_transition')
      const at = now()
      await tx
        .updateTable('pilot_applications')
        .set({ status: 'withdrawn', withdrawn_at: at, updated_at: at })
        .where('id', '=', app.id)
        .execute()
      await audit(tx, {
        actorUserId: options.userId,
        organisationId: app.company_id,
        action: 'application.withdrawn',
        entityType: 'pilot_application',
        entityId: app.id,
        before: { status: app.status },
        after: { status: 'withdrawn', withdrawn_at: at },
        ip: options.ip ?? null,
      })
    }),
  )
}

/** Deletes the company's draft (submitted applications stay: 'application_submitted'). */
export async function deleteDraft(
  db: DB,
  options: { applicationId: number; userId: number; ip?: string | null },
): Promise<{ companySlug: string }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const app = await ownApplication(tx, options.applicationId, options.userId)
      if (app.status !== 'draft') throw new DomainError('application_submitted')
      await tx.deleteFrom('pilot_applications').where('id', '=', app.id).execute()
      await audit(tx, {
        actorUserId: options.userId,
        organisationId: app.company_id,
        action: 'application.draft_deleted',
        entityType: 'pilot_application',
        entityId: app.id,
        before: { offer_id: app.offer_id, status: app.status },
        ip: options.ip ?? null,
      })
      return { companySlug: app.company_slug }
    }),
  )
}

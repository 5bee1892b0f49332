import type { DB } from '#db/connection'
import type { BidStatus } from '#db/schema'
import { formatDateTime } from '~/i18n/format'
import { isLocale } from '~/i18n/locales'
import { type BidContent, type MissingAnswers, missingAnswers } from '~/utils/bid-schema'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import {
  bidReceipt,
  bidTerms,
  contentHash,
  normaliseContent,
  sealContent,
  unsealContent,
} from './bid-content.server'
import { findBid, findCall, isMemberOf } from './bids.server'
import { termsInForce } from './calls.server'
import { DomainError, withRules } from './errors.server'
import { listMemberCompanies } from './memberships.server'
import { queueMail } from './outbox.server'

// A company's writes to its bid: saving a draft, submitting (sealed, stamped and receipted),
// re-confirming after an amendment and withdrawing. The reads are in bids.server.ts.

/** A submission lacking answers (the terms may have changed since the form was loaded). */
export class BidIncompleteError extends Error {
  readonly missing: MissingAnswers
  constructor(missing: MissingAnswers) {
    super('bid_incomplete')
    this.name = 'BidIncompleteError'
    this.missing = missing
  }
}

/** Only answers to terms in force are kept (an amendment may have retired some). */
function keepInForce(content: BidContent, terms: { id: number }[]): BidContent {
  const ids = new Set(terms.map((t) => t.id))
  return {
    ...content,
    requirements: content.requirements.filter((r) => ids.has(r.criterion_id)),
    criteria: content.criteria.filter((c) => ids.has(c.criterion_id)),
  }
}

/** A submission's stamp and receipt; `unchanged` when the same content was already submitted. */
export interface SubmissionResult {
  id: number
  submittedAt: number
  receiptHash: string
  companySlug: string
  unchanged: boolean
}

interface BidTarget {
  callId: number
  userId: number
  /** Required when the user belongs to more than one company. */
  companySlug?: string | undefined
  ip?: string | null
}

/**
 * The call and company a write is for. Deadlines and call status are deliberately not checked
 * here: the database refuses (deadline_passed), so a request that crosses the deadline while it
 * runs is refused as well.
 */
async function target(tx: DB, options: BidTarget) {
  const call = await findCall(tx, options.callId)
  if (!call) throw new DomainError('not_found')
  if (await isMemberOf(tx, call.organisation_id, options.userId)) {
    throw new DomainError('buyer_cannot_bid')
  }
  const companies = await listMemberCompanies(tx, options.userId)
  const company = options.companySlug
    ? companies.find((c) => c.slug === options.companySlug)
    : companies.length === 1
      ? companies[0]
      : undefined
  if (!company) throw new DomainError('not_company_member')
  return { call, company, bid: await findBid(tx, call.id, company.id) }
}

/**
 * Writes `content` to the company's bid as a draft: inserts it, or edits a draft, or starts a
 * withdrawn bid again. A submitted bid is not turned back into a draft by saving
 * ('bid_exists': replace it by submitting, or withdraw it).
 */
async function writeDraft(tx: DB, options: BidTarget, content: BidContent) {
  const { call, company, bid } = await target(tx, options)
  const terms = await termsInForce(tx, call.id)
  const kept = keepInForce(content, terms)
  const binding = { callId: call.id, companyId: company.id }
  const { sealed, seal_key_id, content_hash } = sealContent(kept, binding)
  const at = now()
  if (!bid) {
    const row = await tx
      .insertInto('bids')
      .values({
        call_id: call.id,
        company_id: company.id,
        sealed,
        seal_key_id,
        content_hash,
        created_by: options.userId,
        created_at: at,
        updated_by: options.userId,
        updated_at: at,
        submitted_at: null,
        submitted_by: null,
        receipt_hash: null,
        withdrawn_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return { call, company, terms, content: normaliseContent(kept), before: null, row }
  }
  if (bid.status === 'submitted' || bid.status === 'needs_reconfirmation') {
    return { call, company, terms, content: normaliseContent(kept), before: bid, row: bid }
  }
  const row = await tx
    .updateTable('bids')
    .set({
      status: 'draft',
      withdrawn_at: null,
      sealed,
      seal_key_id,
      content_hash,
      updated_by: options.userId,
      updated_at: at,
    })
    .where('id', '=', bid.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return { call, company, terms, content: normaliseContent(kept), before: bid, row }
}

/** Saves the company's bid as a draft (anything may be missing). */
export async function saveBidDraft(
  db: DB,
  options: BidTarget & { content: BidContent },
): Promise<{ id: number; companySlug: string }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const { company, row, before } = await writeDraft(tx, options, options.content)
      if (row.status !== 'draft') throw new DomainError('bid_exists')
      await audit(tx, {
        actorUserId: options.userId,
        organisationId: company.id,
        action: 'bid.saved',
        entityType: 'bid',
        entityId: row.id,
        before: before ? { status: before.status, content_hash: before.content_hash } : undefined,
        after: { status: 'draft', content_hash: row.content_hash },
        ip: options.ip ?? null,
      })
      return { id: row.id, companySlug: company.slug }
    }),
  )
}

/** The stamped, receipted update that makes a bid submitted, and its receipt mail. */
async function stampSubmission(
  tx: DB,
  options: BidTarget,
  parts: {
    call: { id: number; title: string; buyer_name: string }
    company: { id: number; slug: string; name: string }
    bidId: number
    sealed?: { sealed: Uint8Array; seal_key_id: string }
    content_hash: string
    action: 'bid.submitted' | 'bid.reconfirmed'
    before: { status: BidStatus; receipt_hash: string | null }
  },
) {
  const submittedAt = now()
  const receipt = bidReceipt({
    call_id: parts.call.id,
    company_id: parts.company.id,
    content_hash: parts.content_hash,
    submitted_at: submittedAt,
  })
  await tx
    .updateTable('bids')
    .set({
      status: 'submitted',
      ...(parts.sealed ? { ...parts.sealed, content_hash: parts.content_hash } : {}),
      submitted_at: submittedAt,
      submitted_by: options.userId,
      receipt_hash: receipt,
      updated_by: options.userId,
      updated_at: submittedAt,
    })
    .where('id', '=', parts.bidId)
    .execute()
  await audit(tx, {
    actorUserId: options.userId,
    organisationId: parts.company.id,
    action: parts.action,
    entityType: 'bid',
    entityId: parts.bidId,
    before: parts.before,
    after: {
      status: 'submitted',
      content_hash: parts.content_hash,
      submitted_at: submittedAt,
      receipt_hash: receipt,
    },
    ip: options.ip ?? null,
  })
  const submitter = await tx
    .selectFrom('users')
    .select(['email', 'name', 'locale'])
    .where('id', '=', options.userId)
    .executeTakeFirstOrThrow()
  const locale = isLocale(submitter.locale) ? submitter.locale : 'sv'
  await queueMail(tx, {
    to: submitter.email,
    locale,
    template: 'bid_receipt',
    params: {
      name: submitter.name,
      call: parts.call.title,
      buyer: parts.call.buyer_name,
      company: parts.company.name,
      time: formatDateTime(submittedAt, locale),
      exact: new Date(submittedAt * 1000).toISOString(),
      hash: receipt,
      link: `${getEnv().APP_ORIGIN}/calls/${parts.call.id}/bid?company=${parts.company.slug}`,
    },
  })
  return {
    id: parts.bidId,
    submittedAt,
    receiptHash: receipt,
    companySlug: parts.company.slug,
    unchanged: false,
  }
}

/**
 * Submits `content` as the company's bid, in one transaction: written, sealed, stamped now,
 * receipted, audited, and a receipt mail queued to the submitter in their own language. A
 * submitted bid is replaced (new stamp, new receipt); a withdrawn one starts again. Throws
 * BidIncompleteError when an answer is missing under the terms in force, and (database)
 * 'deadline_passed', 'buyer_cannot_bid', 'receipt_required'.
 */
export async function submitBid(
  db: DB,
  options: BidTarget & { content: BidContent },
): Promise<SubmissionResult> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const { call, company, terms, content, row, before } = await writeDraft(
        tx,
        options,
        options.content,
      )
      const missing = missingAnswers(content, bidTerms(terms, call.priced))
      if (Object.keys(missing).length > 0) throw new BidIncompleteError(missing)
      const hash = contentHash(content)
      // Sending the very same content again changes nothing: the receipt already covers it.
      if (row.status === 'submitted' && row.content_hash === hash && row.receipt_hash) {
        return {
          id: row.id,
          submittedAt: row.submitted_at ?? now(),
          receiptHash: row.receipt_hash,
          companySlug: company.slug,
          unchanged: true,
        }
      }
      return stampSubmission(tx, options, {
        call,
        company,
        bidId: row.id,
        sealed: sealContent(content, { callId: call.id, companyId: company.id }),
        content_hash: hash,
        action: 'bid.submitted',
        before: { status: before?.status ?? 'draft', receipt_hash: before?.receipt_hash ?? null },
      })
    }),
  )
}

/**
 * Confirms a bid that an amendment put in 'needs_reconfirmation', unchanged: a new stamp and a
 * new receipt. Throws BidIncompleteError when the new terms need answers the bid lacks (the
 * company then edits and submits), 'invalid_transition' when there is nothing to confirm.
 */
export async function reconfirmBid(db: DB, options: BidTarget): Promise<SubmissionResult> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const { call, company, bid } = await target(tx, options)
      if (bid?.status !== 'needs_reconfirmation') throw new DomainError('invalid_transition')
      const terms = await termsInForce(tx, call.id)
      const content = unsealContent(bid)
      const missing = missingAnswers(content, bidTerms(terms, call.priced))
      if (Object.keys(missing).length > 0) throw new BidIncompleteError(missing)
      return stampSubmission(tx, options, {
        call,
        company,
        bidId: bid.id,
        content_hash: bid.content_hash,
        action: 'bid.reconfirmed',
        before: { status: bid.status, receipt_hash: bid.receipt_hash },
      })
    }),
  )
}

/** Withdraws the company's bid (any status but withdrawn); it may start again as a draft. */
export async function withdrawBid(
  db: DB,
  options: BidTarget,
): Promise<{ id: number; companySlug: string }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const { company, bid } = await target(tx, options)
      if (!bid || bid.status === 'withdrawn') throw new DomainError('invalid_transition')
      const at = now()
      await tx
        .updateTable('bids')
        .set({ status: 'withdrawn', withdrawn_at: at, updated_by: options.userId, updated_at: at })
        .where('id', '=', bid.id)
        .execute()
      await audit(tx, {
        actorUserId: options.userId,
        organisationId: company.id,
        action: 'bid.withdrawn',
        entityType: 'bid',
        entityId: bid.id,
        before: { status: bid.status, receipt_hash: bid.receipt_hash },
        after: { status: 'withdrawn', withdrawn_at: at },
        ip: options.ip ?? null,
      })
      return { id: bid.id, companySlug: company.slug }
    }),
  )
}

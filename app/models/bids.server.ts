import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import type { DB } from '#db/connection'
import type { BidStatus } from '#db/schema'
import { formatDateTime } from '~/i18n/format'
import { isLocale } from '~/i18n/locales'
import { type BidContent, type MissingAnswers, missingAnswers } from '~/utils/bid-schema'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import { listAmendments } from './calls.server'
import { openSealed, type SealProblem, sealWithKey } from './bid-seal.server'
import { DomainError, withRules } from './errors.server'
import { queueMail } from './outbox.server'

// A company's side of sealed bids: drafts, submission with a receipt, replacement, withdrawal and
// re-confirmation after an amendment. The fairness rules themselves (one bid per company, nothing
// changes after the deadline, every submission stamped and receipted, buyers never bid) are
// triggers in migration 2026-11-25-03; this module adds membership checks, the sealing and the
// receipt. Nothing here lets anyone but the bidding company read a bid before the opening.

// ---------------------------------------------------------------------------------------------
// The content and its fingerprints

export type { BidContent, CriterionResponse, RequirementAnswer } from '~/utils/bid-schema'

/**
 * JSON with every object's keys in alphabetical order and no white space, so the same content
 * always gives the same bytes (and the same hash), whoever builds it.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    )
  }
  return value
}

function sha256Hex(text: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(text)))
}

/** The content as stored: texts trimmed, answers in criterion order. */
export function normaliseContent(content: BidContent): BidContent {
  return {
    requirements: [...content.requirements]
      .sort((a, b) => a.criterion_id - b.criterion_id)
      .map((r) => ({
        criterion_id: r.criterion_id,
        met: r.met,
        explanation: r.explanation.trim(),
      })),
    criteria: [...content.criteria]
      .sort((a, b) => a.criterion_id - b.criterion_id)
      .map((c) => ({ criterion_id: c.criterion_id, response: c.response.trim() })),
    price_sek: content.price_sek,
    solution_summary: content.solution_summary.trim(),
    contact_role: content.contact_role.trim(),
  }
}

/** SHA-256 (lower-case hex) of the canonical JSON of the content: `bids.content_hash`. */
export function contentHash(content: BidContent): string {
  return sha256Hex(canonicalJson(content))
}

/** Exactly what a receipt covers. */
export interface BidReceiptFields {
  call_id: number
  company_id: number
  content_hash: string
  submitted_at: number
}

/** The canonical JSON a receipt hashes: `{"call_id":…,"company_id":…,"content_hash":…,"submitted_at":…}`. */
export function canonicalBidReceipt(fields: BidReceiptFields): string {
  return canonicalJson({
    call_id: fields.call_id,
    company_id: fields.company_id,
    content_hash: fields.content_hash,
    submitted_at: fields.submitted_at,
  })
}

/**
 * The receipt's fingerprint: SHA-256 (lower-case hex) of the canonical receipt. Anyone with the
 * stored row (call, company, content hash, submission time) can rebuild it.
 */
export function bidReceipt(fields: BidReceiptFields): string {
  return sha256Hex(canonicalBidReceipt(fields))
}

/** The sealed blob, its key id and hash for a bid's content. */
export function sealContent(content: BidContent, binding: { callId: number; companyId: number }) {
  const normalised = normaliseContent(content)
  // Sealed in canonical key order, so the plaintext inside is exactly what content_hash covers.
  const { sealed, keyId } = sealWithKey(sortKeys(normalised), binding)
  return { sealed, seal_key_id: keyId, content_hash: contentHash(normalised) }
}

/** A stored bid as the seal needs it; with content_hash, the plaintext must match it. */
interface SealedRow {
  sealed: Uint8Array
  call_id: number
  company_id: number
  seal_key_id?: string | null
  content_hash?: string
}

/** Opens a stored bid, or says why it cannot be (key missing, altered, content not as hashed). */
export function openContent(
  row: SealedRow,
): { ok: true; content: BidContent } | { ok: false; problem: SealProblem } {
  const opened = openSealed(
    row.sealed,
    { callId: row.call_id, companyId: row.company_id },
    row.seal_key_id ?? null,
    row.content_hash,
  )
  if (!opened.ok) return opened
  let value: unknown
  try {
    value = JSON.parse(opened.plaintext.toString('utf8'))
  } catch {
    return { ok: false, problem: 'tampered' }
  } finally {
    opened.plaintext.fill(0)
  }
  return { ok: true, content: contentFrom(value) }
}

/**
 * Opens a stored bid (callers decide who may, and audit the read); 'seal_broken' when it does not
 * open. Anything missing from the stored JSON reads as unanswered, so an older or hand-made blob
 * never breaks the page.
 */
export function unsealContent(row: SealedRow): BidContent {
  const opened = openContent(row)
  if (!opened.ok) throw new DomainError('seal_broken')
  return opened.content
}

/** What a bid page shows instead of content that cannot be decrypted. */
export const EMPTY_CONTENT: BidContent = {
  requirements: [],
  criteria: [],
  price_sek: null,
  solution_summary: '',
  contact_role: '',
}

function contentFrom(value: unknown): BidContent {
  const content = (value ?? {}) as Partial<Record<keyof BidContent, unknown>>
  const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : [])
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  return {
    requirements: list(content.requirements).map((r) => ({
      criterion_id: Number(r.criterion_id),
      met: typeof r.met === 'boolean' ? r.met : null,
      explanation: text(r.explanation),
    })),
    criteria: list(content.criteria).map((c) => ({
      criterion_id: Number(c.criterion_id),
      response: text(c.response),
    })),
    price_sek: typeof content.price_sek === 'number' ? content.price_sek : null,
    solution_summary: text(content.solution_summary),
    contact_role: text(content.contact_role),
  }
}

/** The ids the completeness check needs, from the terms in force. */
export function bidTerms(terms: { id: number; kind: string }[], priced: boolean) {
  return {
    requirements: terms.filter((t) => t.kind === 'requirement').map((t) => t.id),
    criteria: terms.filter((t) => t.kind === 'criterion').map((t) => t.id),
    priced,
  }
}

/** The must-haves and criteria in force for a call, in order. */
export async function termsInForce(db: DB, callId: number) {
  return db
    .selectFrom('call_criteria_current')
    .select(['id', 'kind', 'position', 'title', 'description', 'weight'])
    .where('call_id', '=', callId)
    .orderBy('kind', 'desc')
    .orderBy('position')
    .orderBy('id')
    .execute()
}

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

// ---------------------------------------------------------------------------------------------
// Who bids, on what

/** The companies a user may bid for (every company the user is a member of), by name. */
export async function listBidderCompanies(db: DB, userId: number) {
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

/** A published (or later) call as a bidder sees it; null for drafts and unknown ids. */
async function findCall(db: DB, callId: number) {
  const call = await db
    .selectFrom('calls')
    .innerJoin('organisations as buyer', 'buyer.id', 'calls.organisation_id')
    .select([
      'calls.id',
      'calls.title',
      'calls.status',
      'calls.procedure',
      'calls.tender_deadline',
      'calls.organisation_id',
      'buyer.name as buyer_name',
    ])
    .where('calls.id', '=', callId)
    .where('calls.status', '<>', 'draft')
    .executeTakeFirst()
  if (!call) return null
  return {
    ...call,
    // Bids change only while the call is published and its deadline is ahead (server time).
    open: call.status === 'published' && now() < call.tender_deadline,
    priced: call.procedure !== 'market_dialogue',
  }
}

async function isMemberOf(db: DB, organisationId: number, userId: number) {
  const row = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

async function findBid(db: DB, callId: number, companyId: number) {
  return db
    .selectFrom('bids')
    .selectAll()
    .where('call_id', '=', callId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
}

/** Amendments published at or after a moment (what changed since a bid was submitted). */
export async function amendmentsSince(db: DB, callId: number, since: number) {
  return (await listAmendments(db, callId)).filter((a) => a.published_at >= since)
}

/**
 * Everything the bid page needs. The call must exist and be published (else 'not_found'). A
 * member of the buying organisation gets `buyerMember: true` and nothing else of any bid. When
 * the chosen company has a bid, its content is unsealed for that member — and the read is
 * audited ('bid.read'), as every read of bid content is.
 */
export async function getBidContext(
  db: DB,
  options: { callId: number; userId: number; companySlug?: string | undefined; ip?: string | null },
) {
  const call = await findCall(db, options.callId)
  if (!call) throw new DomainError('not_found')
  const base = { call, terms: await termsInForce(db, call.id) }
  if (await isMemberOf(db, call.organisation_id, options.userId)) {
    return { ...base, buyerMember: true, companies: [], company: null, bid: null }
  }
  const companies = await listBidderCompanies(db, options.userId)
  const company =
    companies.find((c) => c.slug === options.companySlug) ??
    (companies.length === 1 ? companies[0] : undefined) ??
    null
  const row = company ? await findBid(db, call.id, company.id) : undefined
  if (!company || !row) return { ...base, buyerMember: false, companies, company, bid: null }
  // Content that cannot be decrypted with the key ring is shown as a notice, never an error.
  const opened = openContent(row)
  await db.transaction().execute(async (tx) => {
    await audit(tx, {
      actorUserId: options.userId,
      organisationId: company.id,
      action: opened.ok ? 'bid.read' : 'bid.unseal_failed',
      entityType: 'bid',
      entityId: row.id,
      after: opened.ok ? undefined : { problem: opened.problem },
      ip: options.ip ?? null,
    })
  })
  const amendments =
    row.status === 'needs_reconfirmation' && row.submitted_at !== null
      ? await amendmentsSince(db, call.id, row.submitted_at)
      : []
  return {
    ...base,
    buyerMember: false,
    companies,
    company,
    bid: {
      id: row.id,
      status: row.status,
      content: opened.ok ? opened.content : EMPTY_CONTENT,
      sealProblem: opened.ok ? null : opened.problem,
      content_hash: row.content_hash,
      updated_at: row.updated_at,
      submitted_at: row.submitted_at,
      receipt_hash: row.receipt_hash,
      withdrawn_at: row.withdrawn_at,
      amendments,
    },
  }
}

/** The terms a bid form for a published call is checked against ('not_found' otherwise). */
export async function bidTermsForCall(db: DB, callId: number) {
  const call = await findCall(db, callId)
  if (!call) throw new DomainError('not_found')
  return bidTerms(await termsInForce(db, call.id), call.priced)
}

// ---------------------------------------------------------------------------------------------
// Writing

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
  const companies = await listBidderCompanies(tx, options.userId)
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

// ---------------------------------------------------------------------------------------------
// A company's bids

/**
 * The bids of the company `slug`, newest first, for its members only (anyone else:
 * 'not_found'). Status and times only: nothing sealed is opened here.
 */
export async function listCompanyBids(db: DB, options: { slug: string; userId: number }) {
  const company = await db
    .selectFrom('organisations as o')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 'o.id').on('m.user_id', '=', options.userId),
    )
    .select(['o.id', 'o.slug', 'o.name'])
    .where('o.slug', '=', options.slug)
    .where('o.kind', '=', 'company')
    .executeTakeFirst()
  if (!company) throw new DomainError('not_found')
  const bids = await db
    .selectFrom('bids')
    .innerJoin('calls', 'calls.id', 'bids.call_id')
    .innerJoin('organisations as buyer', 'buyer.id', 'calls.organisation_id')
    .select([
      'bids.id',
      'bids.status',
      'bids.updated_at',
      'bids.submitted_at',
      'bids.receipt_hash',
      'calls.id as call_id',
      'calls.title as call_title',
      'calls.status as call_status',
      'calls.tender_deadline',
      'buyer.name as buyer_name',
    ])
    .where('bids.company_id', '=', company.id)
    .orderBy('bids.updated_at', 'desc')
    .orderBy('bids.id', 'desc')
    .execute()
  return { company, bids }
}

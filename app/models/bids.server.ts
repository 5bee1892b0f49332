import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { bidTerms, EMPTY_CONTENT, openContent } from './bid-content.server'
import { listAmendments, termsInForce } from './calls.server'
import { DomainError } from './errors.server'
import { getRole, listMemberCompanies, memberCompany } from './memberships.server'

// A company's side of sealed bids: drafts, submission with a receipt, replacement, withdrawal and
// re-confirmation after an amendment. The fairness rules themselves (one bid per company, nothing
// changes after the deadline, every submission stamped and receipted, buyers never bid) are
// triggers in migration 2026-11-25-03; these modules add membership checks, the sealing and the
// receipt. Nothing here lets anyone but the bidding company read a bid before the opening.
//
// This module holds the reads: the bid page and a company's bids, and the lookups shared with the
// writes in bid-submission.server.ts. The content, its hashes and the seal are in
// bid-content.server.ts.

/** A published (or later) call as a bidder sees it; null for drafts and unknown ids. */
export async function findCall(db: DB, callId: number) {
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

/** Whether the user is a member of the organisation (the buyer, when it is the call's). */
export async function isMemberOf(db: DB, organisationId: number, userId: number) {
  return (await getRole(db, organisationId, userId)) !== null
}

export async function findBid(db: DB, callId: number, companyId: number) {
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
  const companies = await listMemberCompanies(db, options.userId)
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

/**
 * The bids of the company `slug`, newest first, for its members only (anyone else:
 * 'not_found'). Status and times only: nothing sealed is opened here.
 */
export async function listCompanyBids(db: DB, options: { slug: string; userId: number }) {
  const company = await memberCompany(db, { slug: options.slug }, options.userId)
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

import type { DB } from '#db/connection'
import { bidReceipt, sealContent } from '~/models/bid-content.server'
import { termsInForce } from '~/models/calls.server'
import type { BidContent } from '~/utils/bid-schema'
import { now } from '~/utils/clock.server'

// A sealed bid written straight through the database rules of migration 2026-11-25-03 (draft
// insert, then a stamped and receipted submission), for tests that need bids without going
// through the bid pages: evaluation, opening, award.

export interface BidFactoryOptions {
  call: { id: number }
  /** The bidding company and the member who writes the bid (e.g. from createCompany). */
  company: { org: { id: number }; user: { id: number } }
  /** Submit after the draft insert (default true); false leaves a draft. */
  submit?: boolean
  /** Price in SEK (default 1 500 000); ignored for a market dialogue. */
  price?: number
  /** Replaces the generated complete content. */
  content?: BidContent
}

/** Complete content for the terms in force: every must-have met, every criterion answered. */
export async function completeBidContent(
  db: DB,
  callId: number,
  price: number | null = 1_500_000,
): Promise<BidContent> {
  const terms = await termsInForce(db, callId)
  const call = await db
    .selectFrom('calls')
    .select('procedure')
    .where('id', '=', callId)
    .executeTakeFirstOrThrow()
  return {
    requirements: terms
      .filter((t) => t.kind === 'requirement')
      .map((t) => ({ criterion_id: t.id, met: true, explanation: `Vi uppfyller: ${t.title}.` })),
    criteria: terms
      .filter((t) => t.kind === 'criterion')
      .map((t) => ({ criterion_id: t.id, response: `Vårt svar om ${t.title}.` })),
    price_sek: call.procedure === 'market_dialogue' ? null : price,
    solution_summary: 'Diskreta sensorer som larmar nattpersonalen vid avvikelser.',
    contact_role: 'Säljansvarig',
  }
}

/** A bid by `company` on `call`: submitted with stamp and receipt unless `submit: false`. */
export async function createBid(db: DB, options: BidFactoryOptions) {
  const { call, company, submit = true, price = 1_500_000 } = options
  const content = options.content ?? (await completeBidContent(db, call.id, price))
  const binding = { callId: call.id, companyId: company.org.id }
  const { sealed, seal_key_id, content_hash } = sealContent(content, binding)
  const at = now()
  const draft = await db
    .insertInto('bids')
    .values({
      call_id: call.id,
      company_id: company.org.id,
      sealed,
      seal_key_id,
      content_hash,
      created_by: company.user.id,
      created_at: at,
      updated_by: company.user.id,
      updated_at: at,
      submitted_at: null,
      submitted_by: null,
      receipt_hash: null,
      withdrawn_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  if (!submit) return draft
  return db
    .updateTable('bids')
    .set({
      status: 'submitted',
      submitted_at: at,
      submitted_by: company.user.id,
      updated_by: company.user.id,
      updated_at: at,
      receipt_hash: bidReceipt({
        call_id: call.id,
        company_id: company.org.id,
        content_hash,
        submitted_at: at,
      }),
    })
    .where('id', '=', draft.id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

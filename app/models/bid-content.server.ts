import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import type { BidContent } from '~/utils/bid-schema'
import { openSealed, type SealProblem, sealWithKey } from './bid-seal.server'
import { DomainError } from './errors.server'

// A bid's content and its fingerprints: the canonical form, the content hash and the receipt,
// sealing and opening under the key ring (bid-seal.server.ts). Who may open a bid, and the audit
// row of every read, are the callers' part.

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

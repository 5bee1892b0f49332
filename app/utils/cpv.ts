import { z } from 'zod'

// CPV codes (Common Procurement Vocabulary 2008) as people type and read them. Client-safe: the
// form schema runs in the browser too. Whether a code exists is the server's question
// (findUnknownCpv in app/models/cpv.server.ts).

/** A call lists at most this many codes: a handful describe a procurement, dozens blur it. */
export const CPV_MAX_CODES = 10

/**
 * One code as written: eight digits, optionally followed by the check digit that TED and
 * procurement documents print after a hyphen ("72000000-5"). The check digit adds nothing the
 * eight digits do not say, so it is dropped rather than verified.
 */
const CODE_WITH_CHECK_DIGIT = /^(\d{8})(?:[-‐‑–]\d)?$/u

/** Commas, semicolons and any whitespace (newlines, no-break spaces) separate codes. */
const SEPARATORS = /[\s,;]+/u

/** The eight-digit code in `value`, or null when it is not written like a CPV code. */
export function normaliseCpvCode(value: string): string | null {
  const match = CODE_WITH_CHECK_DIGIT.exec(value.trim())
  return match ? (match[1] ?? null) : null
}

export type CpvListParse =
  | { ok: true; codes: string[] }
  | { ok: false; error: 'format'; token: string }
  | { ok: false; error: 'too_many'; count: number }

/** The codes in a free-text list, in the order written, each once. */
export function parseCpvList(text: string): CpvListParse {
  const codes: string[] = []
  for (const token of text.split(SEPARATORS)) {
    if (!token) continue
    const code = normaliseCpvCode(token)
    if (code === null) return { ok: false, error: 'format', token }
    if (!codes.includes(code)) codes.push(code)
  }
  if (codes.length > CPV_MAX_CODES) return { ok: false, error: 'too_many', count: codes.length }
  return { ok: true, codes }
}

/**
 * A message key with parameters for translateError ("key|{json}"). A parameter is what someone
 * typed, so it is shortened and loses any "|", which would cut the message apart.
 */
function keyWithParams(key: string, params: Record<string, string | number>): string {
  const safe = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' ? value.replaceAll('|', '').slice(0, 30) : value,
    ]),
  )
  return `${key}|${JSON.stringify(safe)}`
}

/**
 * A form field with CPV codes: free text in, a list of eight-digit codes out ([] when empty).
 * Chain `.refine((codes) => codes.length > 0, 'errors.required')` where a code is required.
 */
export const cpvCodesField = z
  .string()
  .max(1000, 'errors.tooLong')
  .optional()
  .transform((value, ctx) => {
    const parsed = parseCpvList(value ?? '')
    if (parsed.ok) return parsed.codes
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message:
        parsed.error === 'format'
          ? keyWithParams('cpv.error_format', { code: parsed.token })
          : keyWithParams('cpv.error_too_many', { max: CPV_MAX_CODES, count: parsed.count }),
    })
    return z.NEVER
  })

/** The field error for codes that are well written but not in the CPV list. */
export function unknownCpvMessage(codes: readonly string[]): string {
  return keyWithParams('cpv.error_unknown_codes', { codes: codes.join(', ') })
}

/** Codes as the field's text, e.g. to fill in a saved call's codes: "72000000 48000000". */
export function cpvCodesText(codes: readonly string[]): string {
  return codes.join(' ')
}

/**
 * A code for reading: the eight digits, and with a label "72000000 – IT-tjänster: …". The
 * check digit is not shown: the database does not carry it and it is not needed to find a code.
 */
export function formatCpv(code: string, label?: string | null): string {
  return label ? `${code} – ${label}` : code
}

/** The public page that explains a code: its name, its place in the tree and its sub-codes. */
export function cpvHref(code: string): string {
  return `/cpv?parent=${encodeURIComponent(code)}`
}

/** The code search as the field's search box loads it (the /cpv loader answers). */
export function cpvSearchHref(q: string): string {
  return `/cpv?${new URLSearchParams({ q })}`
}

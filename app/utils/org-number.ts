import Organisationsnummer from 'organisationsnummer'

/**
 * A Swedish organisation number as the database stores it: ten digits, no dash. Accepts
 * "556016-0680", "5560160680" and the 12-digit forms with the "16" prefix ("16556016-0680").
 * The check digit is verified by the `organisationsnummer` package. Anything else gives null —
 * including a sole trader's personal identity number, which would otherwise be published on the
 * organisation's public profile (see `isPersonalIdentityNumber`).
 */
export function normaliseOrgNumber(input: string): string | null {
  const compact = input.replace(/\s+/g, '')
  if (!/^[0-9+-]{10,13}$/.test(compact)) return null
  try {
    const parsed = Organisationsnummer.parse(compact)
    if (parsed.isPersonnummer()) return null
    const digits = parsed.format(false)
    return /^\d{10}$/.test(digits) ? digits : null
  } catch {
    return null
  }
}

/** True for a valid Swedish personal identity number (a sole trader's "organisation number"). */
export function isPersonalIdentityNumber(input: string): boolean {
  try {
    return Organisationsnummer.parse(input.replace(/\s+/g, '')).isPersonnummer()
  } catch {
    return false
  }
}

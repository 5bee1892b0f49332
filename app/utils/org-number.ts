import Organisationsnummer from 'organisationsnummer'

/**
 * A Swedish organisation number as the database stores it: ten digits, no dash. Accepts
 * "556016-0680", "5560160680" and the 12-digit forms with the "16" prefix ("16556016-0680"),
 * and, as Bolagsverket does for sole traders, a valid personal identity number. The check digit
 * is verified by the `organisationsnummer` package. Anything else gives null.
 */
export function normaliseOrgNumber(input: string): string | null {
  const compact = input.replace(/\s+/g, '')
  if (!/^[0-9+-]{10,13}$/.test(compact)) return null
  try {
    const parsed = Organisationsnummer.parse(compact)
    const digits = parsed.format(false)
    return /^\d{10}$/.test(digits) ? digits : null
  } catch {
    return null
  }
}

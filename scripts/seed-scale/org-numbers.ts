// Valid Swedish organisation numbers for generated organisations: ten digits whose last is the
// Luhn check digit over the first nine (the rule the `organisationsnummer` package checks, which
// the app uses in app/utils/org-number.ts). The third digit is 2 or more, so none of them reads as
// a personal identity number (whose third and fourth digits are a month).

/** The Luhn check digit for nine digits. */
export function luhnCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('nine digits expected')
  let sum = 0
  for (let i = 0; i < 9; i++) {
    let digit = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1)
    if (digit > 9) digit -= 9
    sum += digit
  }
  return (10 - (sum % 10)) % 10
}

/**
 * The `serial`th organisation number under a group prefix: "2321" regions, "2120" municipalities
 * (their real prefixes), "559" limited companies (as registered since 2014). Distinct serials
 * give distinct numbers.
 */
export function orgNumber(prefix: '2321' | '2120' | '559', serial: number): string {
  const width = 9 - prefix.length
  if (!Number.isInteger(serial) || serial < 0 || serial >= 10 ** width) {
    throw new RangeError(`serial out of range for prefix ${prefix}`)
  }
  const nine = prefix + String(serial).padStart(width, '0')
  return nine + String(luhnCheckDigit(nine))
}

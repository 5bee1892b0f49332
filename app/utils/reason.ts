/**
 * A reason that is published or kept on record must say something: at least five letters, not
 * only dots, dashes or digits. The database refuses the same (reason_not_meaningful, migration
 * 2026-12-07-05-hardening); checking here puts the message next to the field.
 */
export const REASON_MIN_LETTERS = 5

export function isMeaningfulReason(text: string): boolean {
  return (text.match(/\p{L}/gu) ?? []).length >= REASON_MIN_LETTERS
}

export const REASON_NOT_MEANINGFUL = 'errors.domain.reason_not_meaningful'

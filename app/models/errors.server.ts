import type { MessageKey } from '~/i18n/messages'

/**
 * A business rule said no. `code` is stable and `messageKey` is the translated text to show.
 * Rules enforced by SQLite triggers raise 'testarena:<code>' and arrive here via `fromDbError`.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode
  constructor(code: DomainErrorCode) {
    super(code)
    this.name = 'DomainError'
    this.code = code
  }
  get messageKey(): MessageKey {
    return `errors.domain.${this.code}`
  }
}

export const DOMAIN_ERROR_CODES = [
  'reset_used',
  'verification_by_admin_only',
  'organisation_identity_fixed',
  'sectors_for_companies_only',
  'last_admin',
  'invitation_for_other_email',
  'invitation_closed',
  'outbox_append_only',
  'audit_log_append_only',
  'audit_chain_broken',
  'email_taken',
  'org_number_taken',
  'not_found',
  'already_member',
  'invitation_expired',
  'reset_invalid',
  'wrong_password',
  'not_pending',
  'reason_required',
  'municipality_not_in_county',
  'rename_needs_review',
] as const
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number]

function isCode(value: string): value is DomainErrorCode {
  return (DOMAIN_ERROR_CODES as readonly string[]).includes(value)
}

/** Turns a SQLite constraint or trigger failure into a DomainError; anything else is rethrown. */
export function fromDbError(error: unknown): DomainError {
  if (error instanceof DomainError) return error
  const message = error instanceof Error ? error.message : ''
  const raised = /testarena:([a-z_]+)/.exec(message)?.[1]
  if (raised && isCode(raised)) return new DomainError(raised)
  if (message.includes('UNIQUE constraint failed: users.email'))
    return new DomainError('email_taken')
  if (message.includes('UNIQUE constraint failed: organisations.org_number')) {
    return new DomainError('org_number_taken')
  }
  if (message.includes('UNIQUE constraint failed: memberships')) {
    return new DomainError('already_member')
  }
  throw error
}

/** Runs `fn`, turning database rule violations into DomainErrors. */
export async function withRules<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw fromDbError(error)
  }
}

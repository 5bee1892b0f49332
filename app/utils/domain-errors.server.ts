import type { SubmissionResult } from '@conform-to/react'
import { notFound } from '~/auth/guards.server'
import { DomainError, type DomainErrorCode } from '~/models/errors.server'

// What a route does with a model's DomainError, said once (issue 14): 'not_found' (the thing is not
// there, or not this user's to see) is the 404 page; any other refusal is shown on the form that
// asked, translated, with status 400 set by the route. An error that is not a DomainError is a bug
// and goes on as it came.

/**
 * The value of `work`, a model call; its DomainError('not_found') is thrown as the 404 page and
 * any other error is rethrown unchanged. For loaders, and for the check an action makes before it
 * reads the form: `const page = await orNotFound(getJuryPage(db, year, user.id, locale))`.
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    throw error instanceof DomainError && error.code === 'not_found' ? notFound() : error
  }
}

/**
 * For an action's catch block: the refusal to show the user. DomainError('not_found') is thrown
 * as the 404 page, and an error that is not a DomainError is rethrown unchanged.
 */
export function refusal(error: unknown): DomainError {
  if (!(error instanceof DomainError)) throw error
  if (error.code === 'not_found') throw notFound()
  return error
}

/** A Conform submission, or anything else that answers a form the same way. */
export interface FormReplier {
  reply(options: {
    formErrors?: string[]
    fieldErrors?: Record<string, string[]>
  }): SubmissionResult<string[]>
}

/**
 * The form's answer to a refusal (see `refusal`, which throws for 'not_found' and for anything
 * that is not a DomainError): its message key as a form error, or as the error of the field that
 * `fields` names for its code. The route returns it with status 400, in its own shape.
 */
export function refusalReply(
  submission: FormReplier,
  error: unknown,
  fields: Partial<Record<DomainErrorCode, string>> = {},
): SubmissionResult<string[]> {
  const { code, messageKey } = refusal(error)
  const field = fields[code]
  return submission.reply(
    field ? { fieldErrors: { [field]: [messageKey] } } : { formErrors: [messageKey] },
  )
}

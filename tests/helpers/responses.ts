import type { SubmissionResult } from '@conform-to/react'

/** What a loader or action gave back: a Response (redirects, thrown errors) or data(...) / plain data. */
type Outcome = unknown

function isDataWithInit(
  value: unknown,
): value is { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null } {
  return Boolean(
    value &&
    typeof value === 'object' &&
    (value as { type?: unknown }).type === 'DataWithResponseInit',
  )
}

/** The HTTP status the browser would see. */
export function statusOf(outcome: Outcome): number {
  if (outcome instanceof Response) return outcome.status
  if (isDataWithInit(outcome)) return outcome.init?.status ?? 200
  return 200
}

/**
 * The data a component would get (for `data(...)` and plain objects). Loosely typed on purpose:
 * an outcome is a union with Response and `data(...)`, and typing it from the loader would ask
 * every test to narrow it first (about 200 places); pass `T` to check the shape.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one loose helper of the tests
export function dataOf<T = any>(outcome: Outcome): T {
  if (isDataWithInit(outcome)) return outcome.data as T
  if (outcome instanceof Response)
    throw new Error(`Expected data, got a Response with status ${outcome.status}`)
  return outcome as T
}

/** A header of the answer (Location, Set-Cookie, Retry-After …). */
export function headerOf(outcome: Outcome, name: string): string | null {
  if (outcome instanceof Response) return outcome.headers.get(name)
  if (isDataWithInit(outcome)) return new Headers(outcome.init?.headers).get(name)
  return null
}

/** The Conform result an action returned with its form errors. */
export function formResult(outcome: Outcome): SubmissionResult<string[]> {
  return dataOf<{ result: SubmissionResult<string[]> }>(outcome).result
}

/** The value of a cookie set by the answer, or null. */
export function cookieValue(outcome: Outcome, name: string): string | null {
  const header = headerOf(outcome, 'Set-Cookie')
  if (!header) return null
  const match = new RegExp(`(?:^|[ ,])${name}=([^;]*)`).exec(header)
  return match ? decodeURIComponent(match[1] ?? '') : null
}

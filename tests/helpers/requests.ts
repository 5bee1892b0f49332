import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

const ORIGIN = 'http://localhost:3000'

export const testContext = { cspNonce: 'test', clientIp: '127.0.0.1' }

/** A POST like the browser's form submission: url-encoded fields, optional cookie. */
export function formRequest(
  path: string,
  fields: Record<string, string | string[]>,
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Request {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
  }
  return new Request(ORIGIN + path, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: ORIGIN,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...options.headers,
    },
  })
}

export function getRequest(
  path: string,
  options: { cookie?: string; headers?: Record<string, string> } = {},
) {
  return new Request(ORIGIN + path, {
    headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
  })
}

export function actionArgs(
  request: Request,
  params: Record<string, string> = {},
): ActionFunctionArgs {
  return { request, params, context: testContext }
}

export function loaderArgs(
  request: Request,
  params: Record<string, string> = {},
): LoaderFunctionArgs {
  return { request, params, context: testContext }
}

/** Runs a loader or action and returns its Response or data; thrown Responses are returned too. */
export async function run<T>(fn: () => Promise<T> | T): Promise<T | Response> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof Response) return error
    // Remix's data() throws a DataWithResponseInit object.
    if (
      error &&
      typeof error === 'object' &&
      'type' in error &&
      (error as { type: string }).type === 'DataWithResponseInit'
    ) {
      return error as T
    }
    throw error
  }
}

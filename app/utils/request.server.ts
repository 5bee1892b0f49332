import type { Locale } from '~/i18n/locales'

/** What server.ts puts in Remix's load context for every request. */
export interface AppLoadContext {
  cspNonce: string
  clientIp: string
}

/** The client's IP as the trusted-proxy-aware server resolved it (see server.ts). */
export function clientIp(context: unknown): string {
  const ip = (context as Partial<AppLoadContext> | undefined)?.clientIp
  return typeof ip === 'string' && ip ? ip : 'unknown'
}

/**
 * A redirect target that stays on this site: a path starting with a single "/". Anything else
 * (absolute URLs, "//evil.example", backslashes) becomes the fallback.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.includes('\\')) {
    return fallback
  }
  return to
}

/**
 * A GET filter form's query as a plain object for its zod schema: each key (and `page`) with its
 * value, or undefined when absent or empty, so "all" choices fall back to the schema's default.
 */
export function filterQuery(request: Request, keys: readonly string[]) {
  const params = new URL(request.url).searchParams
  return Object.fromEntries(
    [...keys, 'page'].map((key) => [key, params.get(key) || undefined] as const),
  )
}

/** `value` when it is one of `allowed` (e.g. a `?notice=` a page knows how to show), else null. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : null
}

export type { Locale }

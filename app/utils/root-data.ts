import { useRouteLoaderData } from '@remix-run/react'
import type { Locale } from '~/i18n/locales'

/**
 * What the root loader returns (app/root.tsx checks its return value against this type with
 * `satisfies`, so the two cannot drift). Declared here, not inferred from `typeof loader`, so that
 * readers do not import app/root.tsx (which imports the layout, which reads this: a cycle).
 * Plain JSON, so the serialized data has the same shape.
 */
export type RootData = {
  locale: Locale
  user: {
    id: number
    name: string
    email: string
    isPlatformAdmin: boolean
    /** Unread notifications, counted up to 100 (shown as "99+"). */
    unread: number
  } | null
  devTools: boolean
  /** The public origin (APP_ORIGIN) for canonical and language addresses (decision 039). */
  origin: string
}

/** The root loader's data (undefined while an error page renders without it). */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData('root') as RootData | undefined
}

/** The same data in a `meta` function, which gets the route matches instead of hooks. */
export function rootDataFromMatches(
  matches: ReadonlyArray<{ id: string; data: unknown } | undefined>,
): RootData | undefined {
  return matches.find((m) => m?.id === 'root')?.data as RootData | undefined
}

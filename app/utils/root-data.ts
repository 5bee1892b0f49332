import { useRouteLoaderData } from '@remix-run/react'
import type { loader } from '~/root'

export type RootData = {
  locale: 'sv' | 'en'
  user: { id: number; name: string; email: string; isPlatformAdmin: boolean } | null
  devTools: boolean
}

/** The root loader's data (undefined while an error page renders without it). */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>('root') as RootData | undefined
}

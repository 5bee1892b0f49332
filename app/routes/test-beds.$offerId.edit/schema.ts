import { z } from 'zod'

export { offerIdSchema } from '~/utils/test-bed-offer-schema'

/** The lifecycle buttons on the edit page (saving the form is intent "save"). */
export const lifecycleSchema = z.object({
  intent: z.enum(['publish', 'pause', 'resume', 'close', 'archive', 'delete']),
})

/** The notices the page shows after a redirect, by ?notice=… */
export const NOTICES = [
  'created',
  'saved',
  'published',
  'paused',
  'resumed',
  'closed',
  'archived',
] as const
export type Notice = (typeof NOTICES)[number]

export function readNotice(value: string | null): Notice | null {
  return (NOTICES as readonly string[]).includes(value ?? '') ? (value as Notice) : null
}

import { z } from 'zod'

export { callIdSchema, documentTitleSchema } from '~/utils/call-schema'

/** The notices the page shows after a redirect, by ?notice=… */
export const NOTICES = ['created', 'saved', 'published', 'uploaded', 'removed', 'amended'] as const
export type Notice = (typeof NOTICES)[number]

export function readNotice(value: string | null): Notice | null {
  return (NOTICES as readonly string[]).includes(value ?? '') ? (value as Notice) : null
}

/** The upload form: a title; the file travels in the same multipart form. */
export const uploadSchema = z.object({
  title: z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(2, 'errors.tooShort')
    .max(200, 'errors.tooLong'),
})

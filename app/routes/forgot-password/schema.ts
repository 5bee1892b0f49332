import { z } from 'zod'

export const schema = z.object({
  email: z
    .string({ required_error: 'errors.required' })
    .trim()
    .max(254, 'errors.tooLong')
    .email('errors.email'),
})

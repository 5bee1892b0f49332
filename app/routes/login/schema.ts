import { z } from 'zod'

export const schema = z.object({
  email: z
    .string({ required_error: 'errors.required' })
    .trim()
    .max(254, 'errors.tooLong')
    .email('errors.email'),
  // No length rules here: whatever the password, the answer to a wrong one is the same.
  password: z.string({ required_error: 'errors.required' }).max(1024, 'errors.tooLong'),
  redirectTo: z.string().optional(),
})

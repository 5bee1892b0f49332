import { z } from 'zod'
import { MEMBER_ROLES } from '~/domain/vocabularies'

export { slugSchema } from '~/utils/slug'

export const inviteSchema = z.object({
  email: z
    .string({ required_error: 'errors.required' })
    .trim()
    .toLowerCase()
    .max(254, 'errors.tooLong')
    .email('errors.email'),
  role: z.enum(MEMBER_ROLES, { errorMap: () => ({ message: 'errors.choose' }) }),
})

const id = z.coerce.number().int().positive()

/** The buttons on the page other than the invitation form. */
export const memberActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('role'), user_id: id, role: z.enum(MEMBER_ROLES) }),
  z.object({ intent: z.literal('remove'), user_id: id }),
  z.object({ intent: z.literal('revoke'), invitation_id: id }),
  z.object({ intent: z.literal('leave') }),
])

export const NOTICES = ['invited', 'revoked', 'roleChanged', 'removed'] as const

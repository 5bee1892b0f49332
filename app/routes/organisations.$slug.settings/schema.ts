import { z } from 'zod'
import { type ReferenceCodes, settingsSchema } from '~/utils/organisation-schema'

export { slugSchema } from '~/utils/slug'

/** Which button was pressed: save, or save and ask for a new review after a rejection. */
export const intentSchema = z.enum(['save', 'review']).catch('save')

export function schema(ref: ReferenceCodes, kind: 'company' | 'public_body') {
  return settingsSchema(ref, kind)
}

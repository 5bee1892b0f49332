import { z } from 'zod'
import type { OrganisationKind } from '#db/schema'
import { type ReferenceCodes, settingsSchema } from '~/utils/organisation-schema'

export { slugSchema } from '~/utils/slug'

/** Which button was pressed: save, or save and ask for a new review after a rejection. */
export const intentSchema = z.enum(['save', 'review']).catch('save')

export function schema(ref: ReferenceCodes, kind: OrganisationKind) {
  return settingsSchema(ref, kind)
}

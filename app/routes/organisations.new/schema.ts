import { type ReferenceCodes, registrationSchema } from '~/utils/organisation-schema'

/** Registration: the shared organisation rules, checked against the reference data. */
export function schema(ref: ReferenceCodes) {
  return registrationSchema(ref)
}

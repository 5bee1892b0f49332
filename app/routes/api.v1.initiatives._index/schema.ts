import { enumParam } from '~/models/api-shared.server'
import { INITIATIVE_KINDS, INITIATIVE_STATUSES } from '~/utils/initiative-schema'

/** The filters of GET /api/v1/initiatives. */
export const initiativeFilters = {
  status: enumParam(INITIATIVE_STATUSES),
  kind: enumParam(INITIATIVE_KINDS),
}

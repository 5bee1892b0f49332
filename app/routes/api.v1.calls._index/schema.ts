import { countyParam, enumParam, themeParam } from '~/models/api-shared.server'
import { CALL_API_STATUSES, PROCEDURES } from '~/models/api-calls.server'

/** The filters of GET /api/v1/calls. */
export const callFilters = {
  county: countyParam,
  theme: themeParam,
  status: enumParam(CALL_API_STATUSES),
  procedure: enumParam(PROCEDURES),
}

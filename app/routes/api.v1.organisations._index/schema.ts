import { ORGANISATION_KINDS } from '~/domain/vocabularies'
import { countyParam, enumParam } from '~/models/api-shared.server'

/** The filters of GET /api/v1/organisations. */
export const organisationFilters = {
  kind: enumParam(ORGANISATION_KINDS),
  county: countyParam,
}

import { z } from 'zod'
import { countyParam, enumParam, themeParam } from '~/models/api-shared.server'
import { OFFER_STATUS_FILTERS, PRICING_MODELS } from '~/models/api-test-beds.server'

/** The filters of GET /api/v1/test-beds. */
export const testBedFilters = {
  county: countyParam,
  theme: themeParam,
  status: enumParam(OFFER_STATUS_FILTERS),
  pricingModel: enumParam(PRICING_MODELS),
  trl: z
    .string()
    .regex(/^[1-9]$/, 'A technology readiness level from 1 to 9.')
    .transform(Number)
    .optional(),
}

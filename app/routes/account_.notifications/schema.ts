import { z } from 'zod'
import { DELIVERY_MODES } from '~/domain/vocabularies'

const mode = z.enum(DELIVERY_MODES, {
  errorMap: () => ({ message: 'notifications.settings.invalid' }),
})

/** The delivery per kind of notification (app/models/notification-preferences.server). */
export const modesSchema = z.object({
  changes: mode,
  deadlines: mode,
  new_items: mode,
  searches: mode,
})

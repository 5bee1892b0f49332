import type { DB } from '#db/connection'
import { type EventInput, createEvent } from '~/models/events.server'
import { now } from '~/utils/clock.server'

// Events for tests (decision record 031): a B2B forum ten days ahead with two seats, published by
// a verified organiser's member through the model.

export const DAY = 86400

export function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  const at = now()
  return {
    kind: 'b2b_forum',
    title: 'Smart industri B2B-forum Luleå',
    description: 'Bokade möten mellan små företag, offentliga köpare och forskare.',
    starts_at: at + 10 * DAY,
    ends_at: at + 10 * DAY + 6 * 3600,
    registration_deadline: at + 7 * DAY,
    venue: 'Kulturens hus, Luleå',
    online: false,
    capacity: 2,
    initiative_id: null,
    ...overrides,
  }
}

export async function createTestEvent(
  db: DB,
  organiser: { org: { id: number }; user: { id: number } },
  overrides: Partial<EventInput> = {},
) {
  return createEvent(db, {
    organisationId: organiser.org.id,
    userId: organiser.user.id,
    input: eventInput(overrides),
  })
}

import type { DB } from '#db/connection'
import type { Locale } from '#db/schema'
import { now } from '~/utils/clock.server'

/** Remembers the user's language, so mail to them is written in it. */
export async function setUserLocale(db: DB, userId: number, locale: Locale): Promise<void> {
  await db
    .updateTable('users')
    .set({ locale, updated_at: now() })
    .where('id', '=', userId)
    .where('locale', '<>', locale)
    .execute()
}

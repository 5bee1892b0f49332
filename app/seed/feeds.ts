import { issueCalendarToken, issueSavedSearchFeedToken } from '~/models/feed-tokens.server'
import { type SeedIds, type Tx, calendar, keys } from './shared'

// Calendar and feed addresses (issue 16 part 4, decision record 038). Sara Berg at Nattugglan
// follows Luleå's market dialogue on keyless home care, subscribes to what she follows in her
// calendar and reads her first saved search in a feed reader. The tokens are random and secret:
// the seed keeps no copy (she can create new addresses at /account/feeds).

export async function seedFeeds(tx: Tx, ids: SeedIds): Promise<void> {
  const { user } = keys(ids)
  const { at } = calendar(ids.at)
  const sara = user('sara')
  const call = await tx
    .selectFrom('calls')
    .select('id')
    .where('title', 'like', 'Marknadsdialog: nyckelfri hemtjänst%')
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('follows')
    .values({ user_id: sara, target_type: 'call', target_id: call.id, created_at: at(-3, '09:15') })
    .onConflict((oc) => oc.doNothing())
    .execute()
  await issueCalendarToken(tx, sara)
  const search = await tx
    .selectFrom('saved_searches')
    .select('id')
    .where('user_id', '=', sara)
    .orderBy('created_at')
    .executeTakeFirst()
  if (search) await issueSavedSearchFeedToken(tx, sara, search.id)
}

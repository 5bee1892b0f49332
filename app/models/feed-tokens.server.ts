import { createHash, randomBytes } from 'node:crypto'
import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { DomainError } from './errors.server'

// Secret addresses for feed readers and calendar apps (decision record 038): 256 random bits,
// base64url, stored only as their SHA-256. Issuing again replaces the hash, so the old address
// stops working; revoking deletes it. A saved search's token is issued only to its owner (the
// owner is in the WHERE): anyone else's search is 'not_found'.

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/u

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function newToken() {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

/** The hash of a well-formed token, or null (a forged or truncated one is not looked up). */
function lookupHash(token: string): string | null {
  return TOKEN_PATTERN.test(token) ? hashToken(token) : null
}

/** A new calendar token for the person (any earlier one stops working); shown once. */
export async function issueCalendarToken(db: DB, userId: number): Promise<string> {
  const { token, hash } = newToken()
  await db
    .insertInto('calendar_tokens')
    .values({ user_id: userId, token_hash: hash, created_at: now() })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: hash, created_at: now() }))
    .execute()
  return token
}

export async function revokeCalendarToken(db: DB, userId: number): Promise<void> {
  await db.deleteFrom('calendar_tokens').where('user_id', '=', userId).execute()
}

/** The person whose calendar `token` opens; 'not_found' for an unknown or revoked token. */
export async function calendarOwner(db: DB, token: string): Promise<number> {
  const hash = lookupHash(token)
  const row = hash
    ? await db
        .selectFrom('calendar_tokens')
        .select('user_id')
        .where('token_hash', '=', hash)
        .executeTakeFirst()
    : undefined
  if (!row) throw new DomainError('not_found')
  return row.user_id
}

/** A new feed token for the person's own saved search (any earlier one stops working). */
export async function issueSavedSearchFeedToken(
  db: DB,
  userId: number,
  savedSearchId: number,
): Promise<string> {
  const search = await db
    .selectFrom('saved_searches')
    .select('id')
    .where('id', '=', savedSearchId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!search) throw new DomainError('not_found')
  const { token, hash } = newToken()
  await db
    .insertInto('saved_search_feed_tokens')
    .values({ saved_search_id: search.id, token_hash: hash, created_at: now() })
    .onConflict((oc) =>
      oc.column('saved_search_id').doUpdateSet({ token_hash: hash, created_at: now() }),
    )
    .execute()
  return token
}

export async function revokeSavedSearchFeedToken(
  db: DB,
  userId: number,
  savedSearchId: number,
): Promise<void> {
  await db
    .deleteFrom('saved_search_feed_tokens')
    .where('saved_search_id', '=', savedSearchId)
    .where('saved_search_id', 'in', (eb) =>
      eb.selectFrom('saved_searches').select('id').where('user_id', '=', userId),
    )
    .execute()
}

/** The saved search `token` opens; 'not_found' for an unknown or revoked token. */
export async function savedSearchOfToken(db: DB, token: string) {
  const hash = lookupHash(token)
  const row = hash
    ? await db
        .selectFrom('saved_search_feed_tokens as t')
        .innerJoin('saved_searches as s', 's.id', 't.saved_search_id')
        .select(['s.id', 's.name'])
        .where('t.token_hash', '=', hash)
        .executeTakeFirst()
    : undefined
  if (!row) throw new DomainError('not_found')
  return row
}

/** The settings page: whether the calendar has an address, and which saved searches a feed. */
export async function feedTokenStatus(db: DB, userId: number) {
  const [calendar, searches] = await Promise.all([
    db
      .selectFrom('calendar_tokens')
      .select('created_at')
      .where('user_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('saved_searches as s')
      .leftJoin('saved_search_feed_tokens as t', 't.saved_search_id', 's.id')
      .select(['s.id', 's.name', 't.created_at as token_created_at'])
      .where('s.user_id', '=', userId)
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(100)
      .execute(),
  ])
  return { calendarSince: calendar?.created_at ?? null, searches }
}

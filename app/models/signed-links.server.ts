import { createHmac, timingSafeEqual } from 'node:crypto'
import type { NotificationChannel } from '#db/schema'
import { NOTIFICATION_CHANNELS } from '~/domain/vocabularies'
import { auditKey } from './audit.server'

// Signed links that work logged out (decision record 035): the unsubscribe link of a notification
// mail names a person and a kind, and carries an HMAC so that nobody can forge one for someone
// else. The key is derived from the audit key (never stored in the database), with its own label,
// so a link MAC can never be mistaken for an audit MAC.

function linkKey(): Buffer {
  return createHmac('sha256', auditKey().key).update('testarena:signed-links:v1').digest()
}

function mac(payload: string): string {
  return createHmac('sha256', linkKey()).update(payload).digest('base64url').slice(0, 32)
}

/** "u<user>.<channel>.<mac>": the token of the unsubscribe link for one person and kind. */
export function unsubscribeToken(userId: number, channel: NotificationChannel): string {
  const payload = `u${userId}.${channel}`
  return `${payload}.${mac(`unsubscribe:${payload}`)}`
}

/** The person and kind a token names, or null when it is malformed or its MAC does not match. */
export function readUnsubscribeToken(
  token: string,
): { userId: number; channel: NotificationChannel } | null {
  if (token.length > 120) return null
  const m = /^u([1-9][0-9]{0,11})\.([a-z_]{3,20})\.([A-Za-z0-9_-]{32})$/.exec(token)
  if (!m) return null
  const [, id, channel, given] = m
  if (!(NOTIFICATION_CHANNELS as readonly string[]).includes(channel!)) return null
  const expected = Buffer.from(mac(`unsubscribe:u${id}.${channel}`))
  const actual = Buffer.from(given!)
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null
  return { userId: Number(id), channel: channel as NotificationChannel }
}

import { queueDeadlineReminders, sendDueDigests } from '~/models/notification-digests.server'
import { fanOutPending } from '~/models/notification-fanout.server'
import { materialiseAll } from '~/models/ocds-releases.server'
import { getDb } from './db.server'

let timer: NodeJS.Timeout | undefined
let running = false
let lastMinute = 0

/**
 * The notification jobs (decision record 035), in the server process and outside every request:
 * every few seconds the fan-out of pending updates; once a minute the deadline reminders and the
 * digests that are due. One tick at a time; an error is logged and the next tick tries again.
 */
export async function notificationTick(): Promise<void> {
  if (running) return
  running = true
  try {
    const db = getDb()
    const minute = Math.floor(Date.now() / 60_000)
    const newMinute = minute !== lastMinute
    lastMinute = minute
    if (newMinute) await queueDeadlineReminders(db)
    while ((await fanOutPending(db, 50)) === 50) {
      // More are waiting: keep going in batches, each update its own transaction.
    }
    if (newMinute) await sendDueDigests(db)
    await materialiseAll(db) // OCDS releases that fell due (decision record 040)
  } catch (error) {
    console.error('Notification worker error', error)
  } finally {
    running = false
  }
}

export function startNotificationWorker(intervalMs = 3_000): void {
  if (timer) return
  timer = setInterval(() => void notificationTick(), intervalMs)
  timer.unref()
  void notificationTick()
}

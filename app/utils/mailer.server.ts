import nodemailer from 'nodemailer'
import { deliverDueMail } from '~/models/outbox.server'
import { getDb } from './db.server'
import { getEnv } from './env.server'

let timer: NodeJS.Timeout | undefined

/**
 * With SMTP_URL set, delivers the outbox every 15 seconds (failures are retried with back-off).
 * Without it, mail stays in the outbox: `npm run outbox` or, in development, /dev/outbox.
 */
export function startMailWorker(intervalMs = 15_000): boolean {
  const env = getEnv()
  if (!env.SMTP_URL || timer) return false
  const transport = nodemailer.createTransport(env.SMTP_URL)
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      const report = await deliverDueMail(getDb(), transport, env.MAIL_FROM)
      if (report.failed)
        console.warn(`Mail: ${report.failed} delivery attempt(s) failed; will retry`)
    } catch (error) {
      console.error('Mail worker error', error)
    } finally {
      running = false
    }
  }
  timer = setInterval(() => void tick(), intervalMs)
  timer.unref()
  void tick()
  return true
}

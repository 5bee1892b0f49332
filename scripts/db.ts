/**
 * Database commands: `npm run db:migrate`, `db:seed`, `db:reset`, `outbox`, `audit:verify`,
 * `audit:anchor`.
 * They use DATABASE_PATH like the server (default data/testarena.sqlite).
 */
import { rmSync } from 'node:fs'
import { listOutbox } from '../app/models/outbox.server'
import { readAuditKey } from '../app/models/audit.server'
import {
  anchorLogFile,
  describeVerification,
  verifyAudit,
  writeAnchor,
} from '../app/models/audit-anchors.server'
import { now } from '../app/utils/clock.server'
import { getEnv } from '../app/utils/env.server'
import { openDatabase } from '../db/connection'
import { migrateToLatest } from '../db/migrator'
import { seed, seedIfEmpty } from '../app/seed'

async function main(command: string | undefined) {
  const env = getEnv()
  if (command === 'reset') {
    if (env.NODE_ENV === 'production' && process.env.CONFIRM_RESET !== 'yes') {
      throw new Error('Refusing to reset a production database; set CONFIRM_RESET=yes to insist.')
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(env.DATABASE_PATH + suffix, { force: true })
  }
  // Seeding writes the demo history as it happened, so its connection's SQLite clock follows the
  // seed's (app/seed/shared.ts). Only the seed commands open such a connection.
  const seeding = command === 'seed' || command === 'reset'
  const { db } = openDatabase(env.DATABASE_PATH, seeding ? { clock: now } : {})
  try {
    switch (command) {
      case 'migrate': {
        const result = await migrateToLatest(db)
        const ran = result.results?.map((r) => r.migrationName) ?? []
        console.log(ran.length ? `Applied: ${ran.join(', ')}` : 'Database is up to date.')
        break
      }
      case 'seed': {
        await migrateToLatest(db)
        const seeded = await seedIfEmpty(db)
        console.log(seeded ? 'Seeded demo data.' : 'Database already has users; not seeding.')
        break
      }
      case 'reset': {
        await migrateToLatest(db)
        await seed(db)
        console.log(`Recreated ${env.DATABASE_PATH} with demo data.`)
        break
      }
      case 'outbox': {
        await migrateToLatest(db)
        const messages = await listOutbox(db, { limit: 20 })
        for (const m of messages.reverse()) {
          const state = m.sent_at
            ? 'sent'
            : `queued (${m.attempts} attempts${m.last_error ? `, ${m.last_error}` : ''})`
          console.log(
            `#${m.id} to ${m.to_address} — ${state}\nSubject: ${m.subject}\n\n${m.text_body}\n${'-'.repeat(60)}`,
          )
        }
        if (!messages.length) console.log('The outbox is empty.')
        break
      }
      case 'audit:verify': {
        // Read-only: no migration, and the existing key only (a missing key is reported).
        const key = readAuditKey(env.DATABASE_PATH)
        if (!key) console.warn('No audit key (AUDIT_KEY or audit.key beside the database).')
        const report = await verifyAudit(db, {
          key: key?.key ?? null,
          logFile: anchorLogFile(env.DATABASE_PATH),
        })
        for (const line of describeVerification(report)) {
          if (report.ok) console.log(line)
          else console.error(line)
        }
        if (!report.ok) process.exitCode = 1
        break
      }
      case 'audit:anchor': {
        await migrateToLatest(db)
        const anchor = await writeAnchor(db)
        console.log(
          anchor
            ? `Anchor #${anchor.id}: row ${anchor.head_id} (${anchor.row_count} rows) ${anchor.head_hash}, also in ${anchorLogFile(env.DATABASE_PATH)}`
            : 'The audit log is empty; nothing to anchor.',
        )
        break
      }
      default:
        console.error(
          'Usage: tsx scripts/db.ts migrate|seed|reset|outbox|audit:verify|audit:anchor',
        )
        process.exitCode = 2
    }
  } finally {
    await db.destroy()
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

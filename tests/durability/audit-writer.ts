/**
 * Child process for tests/integration/backup.test.ts: appends audit rows through the audit model
 * (each in its own transaction, with a large after-image) as fast as it can on DATABASE_PATH,
 * printing the running count after each commit, until it is killed.
 */
import { writeSync } from 'node:fs'
import { openDatabase } from '#db/connection'
import { audit } from '~/models/audit.server'
import { getEnv } from '~/utils/env.server'

/** writeSync to stdout, retried while the pipe is full (EAGAIN) so a slow reader never kills us. */
function writeLine(text: string) {
  for (;;) {
    try {
      writeSync(1, text)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
    }
  }
}

const { db } = openDatabase(getEnv().DATABASE_PATH)
const filler = 'x'.repeat(2000)
for (let i = 1; ; i++) {
  await db.transaction().execute((tx) =>
    audit(tx, {
      actorUserId: null,
      action: 'test.concurrent_write',
      entityType: 'probe',
      entityId: i,
      after: { i, filler },
    }),
  )
  writeLine(`${i}\n`)
}

/**
 * `npm run keys:rotate`: a new bid seal key, and every sealed bid re-sealed under it
 * (decision record 023). Uses DATABASE_PATH like the server; safe to run while it serves.
 * Prints counts and key ids only, never bid content or key material.
 */
import { existsSync } from 'node:fs'
import { openDatabase } from '../db/connection'
import { migrateToLatest } from '../db/migrator'
import { keyFiles } from '../app/models/bid-seal.server'
import { RotationRefused, rotateSealKey } from '../app/models/bid-seal-keys.server'
import { getEnv } from '../app/utils/env.server'

async function main() {
  const env = getEnv()
  const { db } = openDatabase(env.DATABASE_PATH)
  try {
    await migrateToLatest(db)
    const report = await rotateSealKey(db)
    console.log(`New bid seal key ${report.keyId} is now the current key.`)
    console.log(
      `Re-sealed ${report.resealed} bid(s)` +
        (report.alreadyCurrent ? `; ${report.alreadyCurrent} already used the new key.` : '.'),
    )
    if (report.unopenable.length > 0) {
      console.log(
        `${report.unopenable.length} bid(s) could not be opened and were left as they were: ` +
          report.unopenable.map((u) => `bid ${u.bidId} (${u.problem})`).join(', '),
      )
    }
    console.log(`\nBACK UP THIS FILE NOW, apart from the database backups:\n  ${report.ringFile}`)
    console.log('Without it the sealed bids cannot be opened.')
    const unused = report.previousKeyIds.filter((id) => !report.stillNeeded.includes(id))
    if (unused.length > 0) {
      console.log(
        `\nNo bid needs the previous key(s) ${unused.join(', ')} any more. They stay in the ring ` +
          '(below the first line) until you remove them; remove them only after the backup above.',
      )
    }
    if (existsSync(keyFiles()?.single ?? '')) {
      console.log(
        `The single-key file ${keyFiles()?.single} of earlier versions holds a previous key; ` +
          'its key is in the ring file too, so it can go once no bid needs it.',
      )
    }
    if (report.stillNeeded.length > 0) {
      console.log(`\nStill needed to open some bids: ${report.stillNeeded.join(', ')}. Keep them.`)
    }
  } finally {
    await db.destroy()
  }
}

main().catch((error: unknown) => {
  if (error instanceof RotationRefused) {
    console.error(`keys:rotate: ${error.message}`)
  } else {
    console.error('keys:rotate failed; no bid was re-sealed and every key is kept.', error)
  }
  process.exit(1)
})

/**
 * Child process for `npm run test:durability` (tests/durability/run.ts): submits bids through the
 * bid model (app/models/bid-submission.server.ts) as fast as it can, each in its own transaction, and prints
 * "<bid id> <submitted_at>" only after submitBid has returned, i.e. after the COMMIT. The parent
 * kills it with SIGKILL at random moments; every printed submission must survive.
 */
import { readFileSync, writeSync } from 'node:fs'
import { openDatabase } from '#db/connection'
import { submitBid } from '~/models/bid-submission.server'
import type { BidContent } from '~/utils/bid-schema'
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

interface Setup {
  callId: number
  companies: { userId: number; slug: string }[]
  content: BidContent
}

const [setupFile] = process.argv.slice(2)
if (!setupFile) throw new Error('usage: bid-writer <setup.json>')
const setup = JSON.parse(readFileSync(setupFile, 'utf8')) as Setup

// Loaded and waiting: the parent starts writers ahead of time and says "go" on stdin.
writeLine('loaded\n')
await new Promise((go) => process.stdin.once('data', go))

const { db } = openDatabase(getEnv().DATABASE_PATH)
for (let n = 0; ; n++) {
  const company = setup.companies[Math.floor(Math.random() * setup.companies.length)]!
  // A new price each time, so a repeated company replaces its bid (new stamp and receipt).
  const price = 100_000 + Math.floor(Math.random() * 9_000_000)
  const result = await submitBid(db, {
    callId: setup.callId,
    userId: company.userId,
    companySlug: company.slug,
    content: { ...setup.content, price_sek: price },
    ip: '127.0.0.1',
  })
  // Synchronous write: the parent sees a submission only once its transaction is durable.
  writeLine(`${result.id} ${result.submittedAt}\n`)
}

/**
 * Child process for durability.test.ts: opens the database exactly as the app does and writes
 * rows as fast as it can, printing each row's id only after its COMMIT has returned. The parent
 * kills it with SIGKILL at a random moment; every printed id must survive.
 */
import { randomBytes } from 'node:crypto'
import { writeSync } from 'node:fs'
import { openDatabase } from '../../db/connection'

const [path, roundArg] = process.argv.slice(2)
if (!path) throw new Error('usage: durability-writer.ts <database> <round>')
const round = Number(roundArg ?? 0)

// Loaded and waiting: the parent starts writers ahead of time and says "go" on stdin.
writeSync(1, 'loaded\n')
await new Promise((go) => process.stdin.once('data', go))

const { sqlite } = openDatabase(path)
const insert = sqlite.prepare(
  'INSERT INTO durability_probe (round, payload, checksum) VALUES (?, ?, ?)',
)
// Some commits carry one row, some a batch, as the app's transactions do.
const batch = sqlite.transaction((rows: { payload: string; checksum: number }[]) =>
  rows.map((r) => Number(insert.run(round, r.payload, r.checksum).lastInsertRowid)),
)

function row() {
  const payload = randomBytes(64 + Math.floor(Math.random() * 4000)).toString('base64')
  return { payload, checksum: payload.length }
}

writeSync(1, 'ready\n')
for (;;) {
  const size = Math.random() < 0.3 ? 1 + Math.floor(Math.random() * 20) : 1
  const ids = batch(Array.from({ length: size }, row))
  // Synchronous write: the parent sees an id only once its transaction is durable.
  writeSync(1, ids.map((id) => `${id}\n`).join(''))
}

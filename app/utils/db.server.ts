import { type DB, openDatabase } from '#db/connection'
import { getEnv } from './env.server'

declare global {
  // Survives Vite's module reloads in development, so one process keeps one connection.
  var __testarenaDb: DB | undefined
}

/** The process-wide database. Models take `db` as a parameter; only routes call this. */
export function getDb(): DB {
  if (!globalThis.__testarenaDb) {
    globalThis.__testarenaDb = openDatabase(getEnv().DATABASE_PATH).db
  }
  return globalThis.__testarenaDb
}

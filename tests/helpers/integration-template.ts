import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string
  }
}

/**
 * Global setup of the integration project: the migrations run once, into a template database,
 * and every test file starts from a copy of it (tests/helpers/integration-setup.ts). Migrating
 * takes seconds (reference data, hundreds of triggers); copying a 2 MB file takes milliseconds.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'testarena-template-'))
  const path = join(dir, 'template.sqlite')
  const { openDatabase } = await import('#db/connection')
  const { migrateToLatest } = await import('#db/migrator')
  const { db, sqlite } = openDatabase(path)
  await migrateToLatest(db)
  // One self-contained file: the WAL folded back in, so a plain file copy is the whole database.
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  await db.destroy()
  project.provide('templateDatabase', path)
  return () => rmSync(dir, { recursive: true, force: true })
}

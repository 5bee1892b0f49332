import type { Migration } from 'kysely'
import * as foundation from './2026-11-25-01-foundation'

/**
 * Every migration, by name. Names are date-prefixed so they sort in the order they were written;
 * add a new file and a line here (README: "Adding a migration").
 */
export const migrations: Record<string, Migration> = {
  '2026-11-25-01-foundation': foundation,
}

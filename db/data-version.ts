import SQLite from 'better-sqlite3'

/**
 * A read-only connection of its own whose only job is `PRAGMA data_version`: the number changes
 * whenever any other connection, in this process or another, commits to the database file. Since
 * every connection the app, its workers, the CLI and the seed use is "another" to this one, a
 * change of the number means some write was committed (decision record 044). Not for ':memory:'.
 */
export function openDataVersionProbe(path: string): { read: () => number; close: () => void } {
  const sqlite = new SQLite(path, { readonly: true, fileMustExist: true })
  sqlite.pragma('busy_timeout = 5000')
  const statement = sqlite.prepare('pragma data_version').pluck()
  return { read: () => statement.get() as number, close: () => sqlite.close() }
}

import type SQLite from 'better-sqlite3'
import {
  auditFields,
  type AuditInput,
  auditKey,
  GENESIS_HASH,
  hashEntry,
  rowMac,
} from '../../app/models/audit.server'

// The audit rows of `npm run seed:scale`, chained and keyed exactly as audit() in
// app/models/audit.server.ts writes them (same hash, same MAC), through one prepared statement:
// audit() prepares its INSERT anew each time, and an INSERT into audit_log compiles the table's
// triggers, which at a million rows is most of the seed's time. The chain rule
// (audit_log_chained) still checks every row. Only one writer may append while it is in use.

export type AuditWriter = (input: AuditInput) => void

export function auditWriter(sqlite: SQLite.Database): AuditWriter {
  // Named parameters: the row goes in as the object auditFields() builds, as audit() inserts it.
  const insert = sqlite.prepare(`INSERT INTO audit_log (at, actor_user_id, organisation_id, action,
    entity_type, entity_id, before_json, after_json, ip, prev_hash, hash, mac)
    VALUES (@at, @actor_user_id, @organisation_id, @action, @entity_type, @entity_id, @before_json,
      @after_json, @ip, @prev_hash, @hash, @mac)`)
  const key = auditKey().key
  let prev =
    (sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as
      string | undefined) ?? GENESIS_HASH
  return (input) => {
    const fields = auditFields(prev, input)
    const hash = hashEntry(fields)
    insert.run({ ...fields, hash, mac: rowMac(key, hash) })
    prev = hash
  }
}

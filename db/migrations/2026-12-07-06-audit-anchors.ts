import { type Kysely, sql } from 'kysely'

// Frozen once landed. Audit chain keyed with HMAC and anchored heads (issue 13, point 5).
//
// Every audit row written from now on carries `mac`: HMAC-SHA256 over its hash with a key kept
// outside the database (AUDIT_KEY or audit.key next to the database; app/models/audit.server.ts).
// Rows written before this migration have none; once one row has a MAC every later row must.
// `audit_anchors` records the chain head (id, hash, row count, time, HMAC) at a moment; the same
// lines go to audit-anchors.log beside the database and to the public /transparency page, so a
// cut or recomputed chain no longer verifies (decision record 007).

const statements: string[] = [
  `ALTER TABLE audit_log ADD COLUMN mac TEXT CHECK (mac IS NULL OR length(mac) = 64)`,
  // The latest row decides: after a keyed row, a row without a MAC breaks the chain.
  `CREATE TRIGGER audit_log_keyed BEFORE INSERT ON audit_log
    WHEN NEW.mac IS NULL
      AND (SELECT mac FROM audit_log ORDER BY id DESC LIMIT 1) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'testarena:audit_chain_broken'); END`,

  `CREATE TABLE audit_anchors (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    head_id INTEGER NOT NULL REFERENCES audit_log(id),
    head_hash TEXT NOT NULL CHECK (length(head_hash) = 64),
    row_count INTEGER NOT NULL CHECK (row_count > 0),
    mac TEXT NOT NULL CHECK (length(mac) = 64)
  ) STRICT`,
  `CREATE INDEX audit_anchors_by_head ON audit_anchors(head_id)`,
  // Append-only: no UPDATE, no DELETE, and no INSERT OR REPLACE over an existing anchor (which
  // would delete it without firing the DELETE trigger unless recursive_triggers is on).
  `CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors
    BEGIN SELECT RAISE(ABORT, 'testarena:audit_log_append_only'); END`,
  `CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
    BEGIN SELECT RAISE(ABORT, 'testarena:audit_log_append_only'); END`,
  `CREATE TRIGGER audit_anchors_no_replace BEFORE INSERT ON audit_anchors
    WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_anchors WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:audit_log_append_only'); END`,
  // An anchor tells the truth when written: the row exists with that hash, the count is the number
  // of rows up to it, it is stamped now, and heads only move forward.
  `CREATE TRIGGER audit_anchors_truthful BEFORE INSERT ON audit_anchors
    WHEN NEW.head_hash IS NOT (SELECT hash FROM audit_log WHERE id = NEW.head_id)
      OR NEW.row_count IS NOT (SELECT count(*) FROM audit_log WHERE id <= NEW.head_id)
      OR abs(NEW.at - unixepoch()) > 5
      OR NEW.head_id < coalesce((SELECT max(head_id) FROM audit_anchors), 0)
      OR NEW.at < coalesce((SELECT max(at) FROM audit_anchors), 0)
    BEGIN SELECT RAISE(ABORT, 'testarena:audit_chain_broken'); END`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE audit_anchors').execute(db)
  await sql.raw('DROP TRIGGER audit_log_keyed').execute(db)
  await sql.raw('ALTER TABLE audit_log DROP COLUMN mac').execute(db)
}

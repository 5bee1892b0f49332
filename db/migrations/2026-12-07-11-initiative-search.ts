import { type Kysely, sql } from 'kysely'

// Frozen once landed. The initiatives overview (issue 15, part 3): a full-text index over each
// initiative's title, summary and description (trigram, as for test-bed offers and calls, kept in
// sync by triggers; decision record 012) and indexes for the overview's filters and its order.
// No new rule and no new frozen state: the index is derived from initiatives, so the conflict
// guards of 2026-12-07-10 still cover everything a visitor sees.

const statements: string[] = [
  `CREATE VIRTUAL TABLE initiatives_fts USING fts5(
    title, summary, description, content = 'initiatives', content_rowid = 'id',
    tokenize = 'trigram case_sensitive 0'
  )`,
  `INSERT INTO initiatives_fts (initiatives_fts) VALUES ('rebuild')`,
  `CREATE TRIGGER initiatives_fts_insert AFTER INSERT ON initiatives BEGIN
    INSERT INTO initiatives_fts (rowid, title, summary, description)
    VALUES (NEW.id, NEW.title, NEW.summary, NEW.description);
  END`,
  `CREATE TRIGGER initiatives_fts_delete AFTER DELETE ON initiatives BEGIN
    INSERT INTO initiatives_fts (initiatives_fts, rowid, title, summary, description)
    VALUES ('delete', OLD.id, OLD.title, OLD.summary, OLD.description);
  END`,
  `CREATE TRIGGER initiatives_fts_update AFTER UPDATE OF title, summary, description ON initiatives
  BEGIN
    INSERT INTO initiatives_fts (initiatives_fts, rowid, title, summary, description)
    VALUES ('delete', OLD.id, OLD.title, OLD.summary, OLD.description);
    INSERT INTO initiatives_fts (rowid, title, summary, description)
    VALUES (NEW.id, NEW.title, NEW.summary, NEW.description);
  END`,
  // The status filter in the overview's order; the period filter; the municipality filter.
  `CREATE INDEX initiatives_by_status_newest ON initiatives(status, created_at DESC, id DESC)`,
  `CREATE INDEX initiatives_by_start ON initiatives(starts_on, ends_on)`,
  `CREATE INDEX initiative_municipalities_by_municipality
    ON initiative_municipalities(municipality_code, initiative_id)`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'initiative_municipalities_by_municipality',
    'initiatives_by_start',
    'initiatives_by_status_newest',
  ]) {
    await sql.raw(`DROP INDEX ${index}`).execute(db)
  }
  for (const trigger of ['insert', 'delete', 'update']) {
    await sql.raw(`DROP TRIGGER initiatives_fts_${trigger}`).execute(db)
  }
  await sql.raw('DROP TABLE initiatives_fts').execute(db)
}

import { type Kysely, sql } from 'kysely'

// Frozen once landed. Hardening (issue 13): conflict-resolving writes cannot undo frozen state; more rules (owned by the rules work).

const statements: string[] = []

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(_db: Kysely<any>): Promise<void> {}

import { type Kysely, sql } from 'kysely'

// Frozen once landed. Bid seal key ids and re-sealing on key rotation (issue 13, point 7).

const statements: string[] = []

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(_db: Kysely<any>): Promise<void> {}

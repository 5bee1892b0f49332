import type { DB } from '#db/connection'

// Read-only looks at what a test's actions left behind: audit rows, queued mail, raw SQL errors.

/** The audit actions recorded for one entity, oldest first. */
export async function auditActions(db: DB, entityType: string, entityId: number) {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute()
  return rows.map((r) => r.action)
}

/** Mail queued to an address (optionally of one template), oldest first. */
export async function mailsTo(db: DB, email: string, template?: string) {
  let query = db.selectFrom('outbox').selectAll().where('to_address', '=', email)
  if (template) query = query.where('template', '=', template)
  return query.orderBy('id').execute()
}

/** The message of the error a statement raises; fails the test if the database accepts it. */
export async function rawError(run: () => Promise<unknown>): Promise<string> {
  try {
    await run()
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  throw new Error('The database accepted the statement')
}

import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { referenceText } from './reference-factories'

// Shared setup for the reference-rules integration tests (reference-rules-*.test.ts): raw SQL
// helpers that bypass the models, so each rule is attacked at the database.

export const db = getDb()

export async function row(id: number) {
  return db.selectFrom('reference_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

export function insertCase(values: {
  public_body_id: number
  company_id: number
  pilot_id?: number | null
  call_id?: number | null
  created_by: number
  extra?: Record<string, unknown>
}) {
  const at = now()
  return db
    .insertInto('reference_cases')
    .values({
      ...referenceText(),
      pilot_id: values.pilot_id ?? null,
      call_id: values.call_id ?? null,
      public_body_id: values.public_body_id,
      company_id: values.company_id,
      created_by: values.created_by,
      updated_by: values.created_by,
      created_at: at,
      updated_at: at,
      ...values.extra,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

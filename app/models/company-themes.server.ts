import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { inTransaction } from './initiatives.server'

// A company's theme interests (migration 2026-12-07-19-company-themes, decision record 032,
// Revision): the themes an outreach may target. Written by the company's own members only (here in
// the WHERE and in the database); never deleted — a withdrawn interest is kept with interested = 0.

/** The theme codes the company is interested in, in the themes' display order. */
export async function getThemeInterests(db: DB, companyId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('company_theme_interests as i')
    .innerJoin('themes as t', 't.code', 'i.theme_code')
    .select('i.theme_code')
    .where('i.company_id', '=', companyId)
    .where('i.interested', '=', 1)
    .orderBy('t.position')
    .execute()
  return rows.map((r) => r.theme_code)
}

/**
 * Saves the company's themes: every chosen theme becomes (or stays) an interest, every other one
 * it had is withdrawn. Only its own members; anyone else: not_found. Unknown codes: refused.
 */
export async function saveThemeInterests(
  db: DB,
  args: { companyId: number; userId: number; themeCodes: string[]; ip?: string | null },
) {
  const member = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select('o.id')
    .where('m.user_id', '=', args.userId)
    .where('o.id', '=', args.companyId)
    .where('o.kind', '=', 'company')
    .executeTakeFirst()
  if (!member) throw new DomainError('not_found')
  const chosen = new Set(args.themeCodes)
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const known = await tx.selectFrom('themes').select('code').execute()
      if ([...chosen].some((code) => !known.some((k) => k.code === code))) {
        throw new DomainError('theme_unknown')
      }
      const before = new Set(await getThemeInterests(tx, member.id))
      const stamp = { updated_at: now(), updated_by: args.userId }
      const existing = await tx
        .selectFrom('company_theme_interests')
        .select(['theme_code', 'interested'])
        .where('company_id', '=', member.id)
        .execute()
      for (const { code } of known) {
        const want = chosen.has(code) ? 1 : 0
        const row = existing.find((e) => e.theme_code === code)
        if (row && row.interested !== want) {
          await tx
            .updateTable('company_theme_interests')
            .set({ interested: want, ...stamp })
            .where('company_id', '=', member.id)
            .where('theme_code', '=', code)
            .execute()
        } else if (!row && want) {
          await tx
            .insertInto('company_theme_interests')
            .values({ company_id: member.id, theme_code: code, interested: 1, ...stamp })
            .execute()
        }
      }
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: member.id,
        action: 'organisation.themes',
        entityType: 'organisation',
        entityId: member.id,
        before: { themes: [...before] },
        after: { themes: await getThemeInterests(tx, member.id) },
        ip: args.ip ?? null,
      })
    }),
  )
}

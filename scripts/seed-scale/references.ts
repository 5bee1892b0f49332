import { travel } from '../../app/seed/shared'
import type { Award } from './calls'
import { type Context, DAY } from './context'
import { inBatches, Phase, type PhaseResult } from './progress'
import { paragraph, word } from './vocabulary'

// Reference cases from awarded calls (decision record 019): written by the buyer as a draft,
// approved by the buyer, then approved by the winning company, which publishes revision 1. Only
// awards decided at least five days before the seed's moment qualify; if there are fewer awards
// than --references asks for, every qualifying award gets one.

function statements(ctx: Context) {
  const { sqlite } = ctx
  return {
    reference:
      sqlite.prepare(`INSERT INTO reference_cases (public_body_id, company_id, call_id, title_sv,
      summary_sv, challenge_sv, solution_sv, deployment_sv, participants_sv, place, started_on, ended_on,
      would_use_again, created_by, updated_by, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    buyerApproval: sqlite.prepare(`UPDATE reference_cases SET public_body_approved_revision = 1,
      public_body_approved_by = ?, public_body_approved_at = ?, updated_by = ?, updated_at = ? WHERE id = ?`),
    publish:
      sqlite.prepare(`UPDATE reference_cases SET company_approved_revision = 1, company_approved_by = ?,
      company_approved_at = ?, status = 'published', published_at = ?, first_published_at = ?,
      updated_by = ?, updated_at = ? WHERE id = ?`),
  }
}

export async function seedReferences(ctx: Context, awards: Award[]): Promise<PhaseResult> {
  const { random, base } = ctx
  const sql = statements(ctx)
  const eligible = awards.filter((a) => a.decidedAt + 5 * DAY < base)
  // Spread over the whole period: every k-th qualifying award.
  const step = Math.max(1, eligible.length / Math.max(1, ctx.sizes.references))
  const chosen: Award[] = []
  for (
    let k = 0;
    chosen.length < ctx.sizes.references && Math.floor(k) < eligible.length;
    k += step
  ) {
    chosen.push(eligible[Math.floor(k)]!)
  }
  const phase = new Phase('references', chosen.length, ctx.log)
  inBatches(ctx.sqlite, chosen.length, 1000, (index) => {
    const award = chosen[index]!
    const { buyer } = award
    const companyId = ctx.companies.ids[award.companyIndex]!
    const companyUser = ctx.companies.users[award.companyIndex]!
    const written = Math.min(award.decidedAt + random.int(20, 200) * DAY, base - 3 * DAY)
    travel(written)
    const topic = word(random)
    const id = Number(
      sql.reference.run(
        buyer.id,
        companyId,
        award.callId,
        `${buyer.name}: ${topic} i praktiken`,
        `Hur ${buyer.name} införde ${topic} tillsammans med en leverantör.`,
        paragraph(random, buyer.place, 2),
        paragraph(random, buyer.place, 2),
        `Införandet omfattar ${word(random)} i ${buyer.place}.`,
        `${buyer.name} och leverantören.`,
        buyer.place,
        award.decidedAt,
        written,
        random.chance(0.9) ? 1 : 0,
        buyer.author,
        buyer.author,
        written,
        written,
      ).lastInsertRowid,
    )
    ctx.audit({
      actorUserId: buyer.author,
      organisationId: buyer.id,
      action: 'reference.created',
      entityType: 'reference_case',
      entityId: id,
    })
    travel(written + DAY)
    sql.buyerApproval.run(buyer.author, written + DAY, buyer.author, written + DAY, id)
    travel(written + 2 * DAY)
    sql.publish.run(
      companyUser,
      written + 2 * DAY,
      written + 2 * DAY,
      written + 2 * DAY,
      companyUser,
      written + 2 * DAY,
      id,
    )
    phase.add()
  })
  return phase.finish()
}

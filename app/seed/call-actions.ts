import type { CallCriterionKind } from '#db/schema'
import { audit } from '~/models/audit.server'
import { bidReceipt, sealContent } from '~/models/bid-content.server'
import type { BidContent } from '~/utils/bid-schema'
import { now } from '~/utils/clock.server'
import { type DemoBid, calls } from './call-data'
import { type SeedIds, type Tx, calendar, id, keys, travel } from './shared'

// Publishes the demo calls at their moments and returns the steps their stories are told with:
// following, asking, answering and bidding, each at its own moment (the clock moves there first).

export type CallActions = Awaited<ReturnType<typeof publishCalls>>

export async function publishCalls(db: Tx, ids: SeedIds) {
  const { user, org } = keys(ids)
  // Moments fall on Swedish days: deadlines at 12:00, other events in office hours.
  const { at: timeOn, moment } = calendar(ids.at)
  const noon = (day: number) => timeOn(day, '12:00')
  const atMoment = (day: number, hour = 10) => moment(day, hour, 17)

  const callIds = new Map<string, number>()
  const criteriaIds = new Map<string, { id: number; kind: CallCriterionKind }[]>()

  for (const c of calls) {
    travel(atMoment(c.publishedDay - 6, 9))
    const created = now()
    const author = user(c.author)
    const row = await db
      .insertInto('calls')
      .values({
        organisation_id: org(c.buyer),
        procedure: c.procedure,
        title: c.title,
        summary: c.summary,
        need: c.need,
        functional_requirements: c.flags.functional ? 1 : 0,
        novel_to_market: c.flags.novel ? 1 : 0,
        includes_rnd: c.flags.rnd ? 1 : 0,
        estimated_value_sek: c.value,
        max_winners: c.maxWinners ?? 1,
        county_code: c.county,
        municipality_code: c.municipality,
        question_deadline: noon(c.questionDay),
        tender_deadline: noon(c.tenderDay),
        prior_involvement: c.priorInvolvement ?? '',
        created_by: author,
        updated_by: author,
        created_at: created,
        updated_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    callIds.set(c.key, row.id)
    let position = 0
    const rows: { id: number; kind: CallCriterionKind }[] = []
    for (const criterion of c.criteria) {
      position++
      const inserted = await db
        .insertInto('call_criteria')
        .values({
          call_id: row.id,
          kind: criterion.kind,
          position,
          title: criterion.title,
          description: criterion.description,
          weight: criterion.kind === 'criterion' ? (criterion.weight ?? null) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      rows.push({ id: inserted.id, kind: criterion.kind })
    }
    criteriaIds.set(c.key, rows)
    for (const theme of c.themes) {
      await db.insertInto('call_themes').values({ call_id: row.id, theme_code: theme }).execute()
    }
    for (const code of c.cpv) {
      await db.insertInto('call_cpv_codes').values({ call_id: row.id, cpv_code: code }).execute()
    }
    await audit(db, {
      actorUserId: author,
      organisationId: org(c.buyer),
      action: 'call.created',
      entityType: 'call',
      entityId: row.id,
    })
    if (c.key === 'nyckelfri') {
      // The dialogue builds on Luleå's completed pilot with Polarsensor: link, disclose, name.
      const pilot = await db
        .selectFrom('pilots')
        .select(['id', 'company_id'])
        .where('host_id', '=', org('lulea'))
        .where('status', '=', 'completed')
        .executeTakeFirstOrThrow()
      await db.insertInto('call_links').values({ call_id: row.id, pilot_id: pilot.id }).execute()
      await db
        .insertInto('call_involved_companies')
        .values({
          call_id: row.id,
          organisation_id: pilot.company_id,
          involvement:
            'Genomförde piloten Smart hemtjänst i Luleå 2026 med sensorer och digitala lås.',
        })
        .execute()
    }
    travel(atMoment(c.publishedDay, 9))
    await db
      .updateTable('calls')
      .set({ status: 'published', published_at: now(), updated_by: author, updated_at: now() })
      .where('id', '=', row.id)
      .execute()
    await audit(db, {
      actorUserId: author,
      organisationId: org(c.buyer),
      action: 'call.published',
      entityType: 'call',
      entityId: row.id,
    })
  }

  const call = (key: string) => id(callIds, key)
  const criteria = (key: string) => criteriaIds.get(key)!

  async function follow(key: string, userKey: string, day: number) {
    travel(atMoment(day, 11))
    await db
      .insertInto('follows')
      .values({
        user_id: user(userKey),
        target_type: 'call',
        target_id: call(key),
        created_at: now(),
      })
      .execute()
  }

  async function ask(key: string, userKey: string, day: number, body: string) {
    travel(atMoment(day, 13))
    const row = await db
      .insertInto('call_questions')
      .values({ call_id: call(key), asker_user_id: user(userKey), body, asked_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  async function answer(
    key: string,
    userKey: string,
    day: number,
    questionId: number | null,
    questionText: string | null,
    body: string,
  ) {
    travel(atMoment(day, 15))
    const row = await db
      .insertInto('call_answers')
      .values({
        call_id: call(key),
        question_id: questionId,
        question_text: questionText,
        body,
        published_by: user(userKey),
        published_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(db, {
      actorUserId: user(userKey),
      action: 'call.answer_published',
      entityType: 'call',
      entityId: call(key),
      after: { answerId: row.id },
    })
  }

  async function placeBid(key: string, b: DemoBid, day: number, submit = true) {
    travel(atMoment(day, 14))
    const callId = call(key)
    const companyId = org(b.company)
    const rows = criteria(key)
    const content: BidContent = {
      requirements: rows.flatMap((criterion, i) =>
        criterion.kind === 'requirement'
          ? [
              {
                criterion_id: criterion.id,
                met: b.answers[i]?.met ?? true,
                explanation: b.answers[i]?.text ?? '',
              },
            ]
          : [],
      ),
      criteria: rows.flatMap((criterion, i) =>
        criterion.kind === 'criterion'
          ? [{ criterion_id: criterion.id, response: b.answers[i]?.text ?? '' }]
          : [],
      ),
      price_sek: b.price,
      solution_summary: b.summary,
      contact_role: b.contactRole,
    }
    const {
      sealed,
      seal_key_id,
      content_hash: contentHash,
    } = sealContent(content, { callId, companyId })
    const at = now()
    const bidRow = await db
      .insertInto('bids')
      .values({
        call_id: callId,
        company_id: companyId,
        sealed,
        seal_key_id,
        content_hash: contentHash,
        created_by: user(b.author),
        created_at: at,
        updated_by: user(b.author),
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (submit) {
      const receipt = bidReceipt({
        call_id: callId,
        company_id: companyId,
        content_hash: contentHash,
        submitted_at: at,
      })
      await db
        .updateTable('bids')
        .set({
          status: 'submitted',
          submitted_at: at,
          submitted_by: user(b.author),
          receipt_hash: receipt,
        })
        .where('id', '=', bidRow.id)
        .execute()
      await audit(db, {
        actorUserId: user(b.author),
        organisationId: companyId,
        action: 'bid.submitted',
        entityType: 'bid',
        entityId: bidRow.id,
        after: { receiptHash: receipt, submittedAt: at },
      })
    }
    return bidRow.id
  }

  /** The buyer decides a call now: awarded (with the end of its standstill) or cancelled. */
  async function decide(
    key: string,
    decision: {
      status: 'awarded' | 'cancelled'
      by: string
      reason: string
      standstillEndsAt?: number
    },
  ) {
    await db
      .updateTable('calls')
      .set({
        status: decision.status,
        decided_at: now(),
        decided_by: user(decision.by),
        updated_by: user(decision.by),
        updated_at: now(),
        outcome_reason: decision.reason,
        ...(decision.standstillEndsAt === undefined
          ? {}
          : { standstill_ends_at: decision.standstillEndsAt }),
      })
      .where('id', '=', call(key))
      .execute()
    await audit(db, {
      actorUserId: user(decision.by),
      organisationId: org(calls.find((c) => c.key === key)!.buyer),
      action: `call.${decision.status}`,
      entityType: 'call',
      entityId: call(key),
    })
  }

  return { user, org, noon, atMoment, call, criteria, follow, ask, answer, placeBid, decide }
}

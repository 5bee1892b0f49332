import { audit } from '~/models/audit.server'
import { receiptHash } from '~/models/pilot-applications.server'
import { DAY, type SeedIds, type Tx, calendar, id, keys } from './shared'
import { applications } from './test-bed-applications'
import { offers } from './test-bed-offers'

// The demo test-bed marketplace (issue 3): offers from Norrbotten, Luleå, Piteå, Skellefteå and
// Skåne, with applications in every state, one running pilot and one completed with a report.
// Everything goes through the database rules: offers are published with criteria, applications
// are submitted before deadlines, decisions are scored, and the triggers make pilots and aid rows.

export async function seedTestBeds(db: Tx, ids: SeedIds): Promise<void> {
  // Demo times fall on Swedish calendar days: dates at midnight, deadlines at 23:59, and past
  // events during office hours (a different hour for each day), so nothing looks machine-made.
  const { dayStart: day, at: timeOn } = calendar(ids.at)
  const endOfDay = (offset: number) => timeOn(offset, '23:59')
  const past = (daysAgo: number) =>
    day(-daysAgo) + (8 + ((daysAgo * 7) % 9)) * 3600 + ((daysAgo * 13) % 60) * 60
  const { user, org } = keys(ids)
  const offerIds = new Map<string, number>()
  const criteriaIds = new Map<string, number[]>()

  for (const o of offers) {
    const published = o.publishedDaysAgo === null ? null : past(o.publishedDaysAgo)
    const created = (published ?? past(2)) - 7 * DAY
    const row = await db
      .insertInto('test_bed_offers')
      .values({
        organisation_id: org(o.host),
        title: o.title,
        summary: o.summary,
        description: o.description,
        county_code: o.county,
        municipality_code: o.municipality,
        places: o.places,
        environments: o.environments,
        test_users: o.testUsers ?? '',
        test_user_count: o.testUserCount ?? null,
        staff_time: o.staffTime ?? '',
        data_access: o.dataAccess ?? '',
        premises: o.premises ?? '',
        equipment: o.equipment ?? '',
        trl_min: o.trl[0],
        trl_max: o.trl[1],
        requires_ce_marking: o.requires.ce ? 1 : 0,
        requires_dpia: o.requires.dpia ? 1 : 0,
        requires_insurance: o.requires.insurance ? 1 : 0,
        other_requirements: o.otherRequirements ?? '',
        capacity: o.capacity,
        available_from: day(o.availableFrom),
        available_until: o.availableUntil === null ? null : day(o.availableUntil),
        intake: o.intake,
        deadline: o.deadlineInDays === undefined ? null : endOfDay(o.deadlineInDays),
        access_model: o.access,
        market_value_sek: o.marketValue,
        price_sek: o.price,
        contact_role: o.contactRole,
        contact_email: o.contactEmail,
        change_note: null,
        created_by: user(o.author),
        updated_by: user(o.author),
        created_at: created,
        updated_at: created,
        published_at: null,
        closed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    offerIds.set(o.key, row.id)
    const criterionIds: number[] = []
    for (const [i, c] of o.criteria.entries()) {
      const criterion = await db
        .insertInto('test_bed_criteria')
        .values({ offer_id: row.id, position: i + 1, ...c })
        .returning('id')
        .executeTakeFirstOrThrow()
      criterionIds.push(criterion.id)
    }
    criteriaIds.set(o.key, criterionIds)
    for (const theme of o.themes) {
      await db
        .insertInto('test_bed_offer_themes')
        .values({ offer_id: row.id, theme_code: theme })
        .execute()
    }
    await audit(db, {
      actorUserId: user(o.author),
      organisationId: org(o.host),
      action: 'test_bed_offer.create',
      entityType: 'test_bed_offer',
      entityId: row.id,
      after: { title: o.title },
    })
    if (published === null) continue
    await db
      .updateTable('test_bed_offers')
      .set({ status: 'published', published_at: published, updated_at: published })
      .where('id', '=', row.id)
      .execute()
    await audit(db, {
      actorUserId: user(o.author),
      organisationId: org(o.host),
      action: 'test_bed_offer.publish',
      entityType: 'test_bed_offer',
      entityId: row.id,
    })
    for (const edit of o.edits ?? []) {
      await db
        .updateTable('test_bed_offers')
        .set({ ...edit.changes, change_note: edit.note, updated_at: past(edit.daysAgo) })
        .where('id', '=', row.id)
        .execute()
    }
  }

  for (const a of applications) {
    const offerId = id(offerIds, a.offer)
    const companyId = org(a.company)
    const offer = offers.find((o) => o.key === a.offer)!
    const submittedAt = a.submittedDaysAgo === null ? null : past(a.submittedDaysAgo)
    const created = (submittedAt ?? past(1)) - 2 * DAY
    const content = {
      product_name: a.productName,
      product_description: a.productDescription,
      trl: a.trl,
      test_goals: a.testGoals,
      proposed_start: day(a.proposedStartInDays),
      proposed_end: day(a.proposedEndInDays),
      test_user_count: a.testUserCount,
      test_user_description: a.testUserDescription,
      data_needs: a.dataNeeds,
      contribution: a.contribution,
    }
    const row = await db
      .insertInto('pilot_applications')
      .values({
        offer_id: offerId,
        company_id: companyId,
        ...content,
        declares_requirements: submittedAt === null ? 0 : 1,
        declares_no_conflict: submittedAt === null ? 0 : 1,
        created_by: user(a.author),
        created_at: created,
        updated_at: created,
        submitted_at: null,
        submitted_by: null,
        receipt_hash: null,
        withdrawn_at: null,
        decided_at: null,
        decided_by: null,
        decision_reason: null,
        pilot_starts_on: null,
        pilot_ends_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (submittedAt === null) continue
    await db
      .updateTable('pilot_applications')
      .set({
        status: 'submitted',
        submitted_at: submittedAt,
        submitted_by: user(a.author),
        updated_at: submittedAt,
        receipt_hash: receiptHash({
          offer_id: offerId,
          company_id: companyId,
          submitted_at: submittedAt,
          ...content,
          declares_requirements: 1,
          declares_no_conflict: 1,
        }),
      })
      .where('id', '=', row.id)
      .execute()
    await audit(db, {
      actorUserId: user(a.author),
      organisationId: companyId,
      action: 'application.submitted',
      entityType: 'pilot_application',
      entityId: row.id,
    })
    if (a.withdrawnDaysAgo !== undefined) {
      const withdrawn = past(a.withdrawnDaysAgo)
      await db
        .updateTable('pilot_applications')
        .set({ status: 'withdrawn', withdrawn_at: withdrawn, updated_at: withdrawn })
        .where('id', '=', row.id)
        .execute()
      continue
    }
    const decision = a.decision
    if (!decision) continue
    const decidedAt = past(decision.daysAgo)
    const criterionIds = criteriaIds.get(a.offer) ?? []
    for (const [i, criterionId] of criterionIds.entries()) {
      const value = decision.scores[i]
      await db
        .insertInto('pilot_application_scores')
        .values({
          application_id: row.id,
          criterion_id: criterionId,
          score: typeof value === 'number' ? value : null,
          met: typeof value === 'boolean' ? (value ? 1 : 0) : null,
          comment: decision.comments[i] ?? '',
          scored_by: user(decision.by),
          scored_at: decidedAt,
        })
        .execute()
    }
    await db
      .updateTable('pilot_applications')
      .set({
        status: decision.accept ? 'accepted' : 'declined',
        decided_at: decidedAt,
        decided_by: user(decision.by),
        decision_reason: decision.reason,
        updated_at: decidedAt,
        pilot_starts_on: decision.accept ? day(decision.pilotStartInDays ?? 0) : null,
        pilot_ends_on: decision.accept ? day(decision.pilotEndInDays ?? 90) : null,
      })
      .where('id', '=', row.id)
      .execute()
    await audit(db, {
      actorUserId: user(decision.by),
      organisationId: org(offer.host),
      action: decision.accept ? 'application.accepted' : 'application.declined',
      entityType: 'pilot_application',
      entityId: row.id,
    })
    if (!decision.accept) continue
    const pilot = await db
      .selectFrom('pilots')
      .select('id')
      .where('application_id', '=', row.id)
      .executeTakeFirstOrThrow()
    for (const m of a.messages ?? []) {
      await db
        .insertInto('pilot_messages')
        .values({
          pilot_id: pilot.id,
          organisation_id: org(m.from),
          author_id: user(m.by),
          body: m.body,
          created_at: past(m.daysAgo),
        })
        .execute()
    }
    const report = a.report
    if (!report) continue
    await db
      .insertInto('pilot_reports')
      .values({
        pilot_id: pilot.id,
        what_tested: report.whatTested,
        with_whom: report.withWhom,
        results: report.results,
        recommendations: report.recommendations,
        author_id: user(report.by),
        submitted_at: past(report.daysAgo),
        response: null,
        responded_by: null,
        responded_at: null,
      })
      .execute()
    await audit(db, {
      actorUserId: user(report.by),
      organisationId: org(offer.host),
      action: 'pilot.report_filed',
      entityType: 'pilot',
      entityId: pilot.id,
    })
    if (!report.response) continue
    await db
      .updateTable('pilot_reports')
      .set({
        response: report.response.text,
        responded_by: user(report.response.by),
        responded_at: past(report.response.daysAgo),
      })
      .where('pilot_id', '=', pilot.id)
      .execute()
  }

  for (const o of offers) {
    if (o.closedDaysAgo === undefined) continue
    const closed = past(o.closedDaysAgo)
    await db
      .updateTable('test_bed_offers')
      .set({ status: 'closed', closed_at: closed, updated_at: closed })
      .where('id', '=', id(offerIds, o.key))
      .execute()
  }
}

import { contentColumns, receiptHash } from '../../app/models/pilot-applications.server'
import { travel } from '../../app/seed/shared'
import { type Buyer, type Context, DAY, HOUR } from './context'
import { inBatches, Phase, type PhaseResult } from './progress'
import { zipf } from './random'
import { paragraph, summary, title, word } from './vocabulary'

// Test-bed offers and the companies' applications to pilot, each at its own moment: an offer is
// created as a draft with a scored and a must-have criterion, then published; an application is
// written as a draft and submitted while the offer takes applications (a round only before its
// deadline) with the receipt the model computes; about half of the older ones are decided by the
// host after scoring every criterion (a round only after its deadline), and an acceptance within
// capacity becomes a pilot (the database makes it, with its state-aid row).

interface Offer {
  id: number
  buyer: Buyer
  publishedAt: number
  deadline: number | null
  trl: [number, number]
  criteria: { id: number; kind: 'score' | 'pass_fail' }[]
  capacity: number
  accepted: number
}

const ACCESS = ['free', 'free', 'cost_sharing', 'cost_sharing', 'paid'] as const

function statements(ctx: Context) {
  const { sqlite } = ctx
  return {
    offer:
      sqlite.prepare(`INSERT INTO test_bed_offers (organisation_id, title, summary, description,
      county_code, municipality_code, places, trl_min, trl_max, capacity, available_from, intake, deadline,
      access_model, market_value_sek, price_sek, contact_role, contact_email, created_by, updated_by,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    criterion:
      sqlite.prepare(`INSERT INTO test_bed_criteria (offer_id, position, title, description, kind)
      VALUES (?, ?, ?, ?, ?)`),
    theme: sqlite.prepare('INSERT INTO test_bed_offer_themes (offer_id, theme_code) VALUES (?, ?)'),
    publish: sqlite.prepare(`UPDATE test_bed_offers SET status = 'published', published_at = ?,
      updated_by = ?, updated_at = ? WHERE id = ?`),
    application: sqlite.prepare(`INSERT INTO pilot_applications (offer_id, company_id, product_name,
      product_description, trl, test_goals, proposed_start, proposed_end, test_user_count,
      test_user_description, data_needs, contribution, declares_requirements, declares_no_conflict,
      created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    submit: sqlite.prepare(`UPDATE pilot_applications SET status = 'submitted', submitted_at = ?,
      submitted_by = ?, receipt_hash = ?, updated_at = ? WHERE id = ?`),
    score:
      sqlite.prepare(`INSERT INTO pilot_application_scores (application_id, criterion_id, score, met,
      comment, scored_by, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    decide:
      sqlite.prepare(`UPDATE pilot_applications SET status = ?, decided_at = ?, decided_by = ?,
      decision_reason = ?, pilot_starts_on = ?, pilot_ends_on = ?, updated_at = ? WHERE id = ?`),
  }
}

export async function seedTestBeds(ctx: Context): Promise<PhaseResult[]> {
  const { random, base } = ctx
  const sql = statements(ctx)
  const offers: Offer[] = []
  const drawBuyer = zipf(ctx.buyers.length, 0.7)
  const published = Array.from(
    { length: ctx.sizes.testBeds },
    () => base - DAY - Math.floor(random.next() * 1000 * DAY),
  ).sort((a, b) => a - b)
  const offerPhase = new Phase('test beds', ctx.sizes.testBeds, ctx.log)
  inBatches(ctx.sqlite, ctx.sizes.testBeds, 500, (index) => {
    const buyer = ctx.buyers[drawBuyer(random)]!
    const publishedAt = published[index]!
    const created = publishedAt - DAY
    const round = random.chance(0.3)
    const deadline = round ? publishedAt + random.int(30, 90) * DAY : null
    const access = random.pick(ACCESS)
    const value = random.int(2, 100) * 10_000
    const trlMin = random.int(3, 6)
    const trl: [number, number] = [trlMin, random.int(trlMin, 9)]
    const capacity = random.int(1, 8)
    travel(created)
    const id = Number(
      sql.offer.run(
        buyer.id,
        `Testbädd: ${title(random, buyer.place)}`,
        summary(random, buyer.name),
        paragraph(random, buyer.place, random.int(3, 6)),
        buyer.county,
        buyer.municipality,
        buyer.place,
        trl[0],
        trl[1],
        capacity,
        publishedAt,
        round ? 'round' : 'rolling',
        deadline,
        access,
        value,
        access === 'free' ? 0 : access === 'paid' ? value : Math.floor(value * 0.4),
        'Testbäddssamordnare',
        `testbadd@${buyer.id}.test`,
        buyer.author,
        buyer.author,
        created,
        created,
      ).lastInsertRowid,
    )
    const criteria: Offer['criteria'] = [
      {
        id: Number(
          sql.criterion.run(
            id,
            1,
            'Nytta för brukare och personal',
            `Hur lösningen förbättrar ${word(random)}.`,
            'score',
          ).lastInsertRowid,
        ),
        kind: 'score',
      },
      {
        id: Number(
          sql.criterion.run(
            id,
            2,
            'Dataskydd enligt GDPR',
            'Personuppgifter behandlas inom EU/EES.',
            'pass_fail',
          ).lastInsertRowid,
        ),
        kind: 'pass_fail',
      },
    ]
    sql.theme.run(id, random.pick(ctx.themes))
    ctx.audit({
      actorUserId: buyer.author,
      organisationId: buyer.id,
      action: 'test_bed_offer.create',
      entityType: 'test_bed_offer',
      entityId: id,
    })
    travel(publishedAt)
    sql.publish.run(publishedAt, buyer.author, publishedAt, id)
    offers.push({ id, buyer, publishedAt, deadline, trl, criteria, capacity, accepted: 0 })
    offerPhase.add()
  })
  const offerResult = offerPhase.finish()
  return [offerResult, await seedApplications(ctx, sql, offers)]
}

async function seedApplications(
  ctx: Context,
  sql: ReturnType<typeof statements>,
  offers: Offer[],
): Promise<PhaseResult> {
  const { random, base } = ctx
  const phase = new Phase('applications', ctx.sizes.applications, ctx.log)
  if (offers.length === 0 || ctx.companies.ids.length === 0) return phase.finish()
  const drawOffer = zipf(offers.length, 0.5)
  const drawCompany = zipf(ctx.companies.ids.length, 0.6, 50)
  const live = new Set<string>()
  inBatches(ctx.sqlite, ctx.sizes.applications, 1000, (index) => {
    const offer = offers[drawOffer(random)]!
    let company = drawCompany(random)
    while (live.has(`${offer.id}:${company}`))
      company = (company + 1 + random.int(0, 999)) % ctx.companies.ids.length
    live.add(`${offer.id}:${company}`)
    const companyId = ctx.companies.ids[company]!
    const user = ctx.companies.users[company]!
    const end = Math.min(offer.deadline ?? base, base) - HOUR
    const at =
      offer.publishedAt + HOUR + Math.floor(random.next() * (end - offer.publishedAt - HOUR))
    const content = contentColumns({
      product_name: `${word(random)} ${index + 1}`.replace(/^./, (c) => c.toUpperCase()),
      product_description: `En lösning för ${word(random)} och ${word(random)}.`,
      trl: random.int(offer.trl[0], offer.trl[1]),
      test_goals: `Visa att ${word(random)} fungerar i verklig miljö hos ${offer.buyer.name}.`,
      proposed_start: at + 30 * DAY,
      proposed_end: at + 150 * DAY,
      test_user_count: random.int(5, 200),
      test_user_description: 'Brukare och personal i ordinärt boende.',
      data_needs: 'Anonymiserad statistik över användningen.',
      contribution: 'Utrustning, installation och utbildning av personalen.',
      declares_requirements: true,
      declares_no_conflict: true,
    })
    travel(at)
    const id = Number(
      sql.application.run(offer.id, companyId, ...Object.values(content), user, at, at)
        .lastInsertRowid,
    )
    const receipt = receiptHash({
      ...content,
      offer_id: offer.id,
      company_id: companyId,
      submitted_at: at,
    })
    sql.submit.run(at, user, receipt, at, id)
    ctx.audit({
      actorUserId: user,
      organisationId: companyId,
      action: 'application.submitted',
      entityType: 'pilot_application',
      entityId: id,
    })
    const decidedAt = Math.max(at + 14 * DAY, (offer.deadline ?? 0) + 7 * DAY)
    if (decidedAt < base && random.chance(0.5)) {
      travel(decidedAt)
      const met = random.chance(0.85) ? 1 : 0
      for (const criterion of offer.criteria) {
        if (criterion.kind === 'score')
          sql.score.run(
            id,
            criterion.id,
            random.int(1, 5),
            null,
            'Bedömd mot ansökan.',
            offer.buyer.evaluator,
            decidedAt,
          )
        else
          sql.score.run(
            id,
            criterion.id,
            null,
            met,
            'Kontrollerad mot ansökan.',
            offer.buyer.evaluator,
            decidedAt,
          )
      }
      if (met && offer.accepted < offer.capacity) {
        offer.accepted++
        sql.decide.run(
          'accepted',
          decidedAt,
          offer.buyer.evaluator,
          'Ansökan svarar väl mot testbäddens syfte.',
          decidedAt + 14 * DAY,
          decidedAt + 134 * DAY,
          decidedAt,
          id,
        )
      } else {
        sql.decide.run(
          'declined',
          decidedAt,
          offer.buyer.evaluator,
          met ? 'Testbäddens platser är redan fyllda.' : 'Kravet på dataskydd är inte uppfyllt.',
          null,
          null,
          decidedAt,
          id,
        )
      }
    }
    phase.add()
  })
  return phase.finish()
}

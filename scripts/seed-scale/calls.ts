import { bidReceipt, sealContent } from '../../app/models/bid-content.server'
import { travel } from '../../app/seed/shared'
import type { BidContent } from '../../app/utils/bid-schema'
import type { Procedure } from '../../db/schema'
import { type Buyer, type Context, DAY, HOUR } from './context'
import { callStatements } from './call-statements'
import { inBatches, Phase, type PhaseResult } from './progress'
import { zipf } from './random'
import { paragraph, summary, title, word } from './vocabulary'

// Procurement calls and their bids, each call's history written at its own moments: created as a
// draft, published (30 days or more before the tender deadline, 10 for a market dialogue), bids
// sealed and submitted while it is open, then — for calls past their deadline — the opening,
// every bid scored on every criterion by a declared evaluator, the award by score, and the
// contract after the standstill. Every step is a plain write that the migrations' rules check.

/** An award a reference case can be written from. */
export interface Award {
  callId: number
  companyIndex: number
  buyer: Buyer
  decidedAt: number
}

const PROCEDURES: Procedure[] = [
  'open',
  'open',
  'open',
  'open',
  'innovation_partnership',
  'innovation_partnership',
  'pcp',
  'market_dialogue',
  'market_dialogue',
  'market_dialogue',
]
const CRITERIA = [
  'Användbarhet i verksamheten',
  'Pris',
  'Integration med befintliga system',
  'Kvalitet och driftsäkerhet',
  'Hållbarhet',
  'Leveransförmåga',
]
const REQUIREMENTS = [
  'CE-märkning enligt MDR',
  'Personuppgifter behandlas inom EU/EES',
  'Support på svenska vardagar',
  'Tillgänglighet enligt WCAG 2.1 AA',
]
const WEIGHTS = [
  [40, 35, 25],
  [60, 40],
  [50, 30, 20],
  [30, 30, 40],
]
const JUSTIFICATIONS = [
  'Bedömt mot anbudets beskrivning.',
  'Styrkt med referenser i anbudet.',
  'Bedömt mot resultatet i användartesterna.',
]

/** How many bids each call gets: a skewed split of the total, at most one per company. */
function bidCounts(ctx: Context): Int32Array {
  const { calls, bids, companies } = ctx.sizes
  const counts = new Int32Array(calls)
  if (calls === 0) return counts
  const weights = Array.from({ length: calls }, () =>
    Math.pow(1 / (1 - ctx.random.next() * 0.999), 0.8),
  )
  const total = weights.reduce((a, b) => a + b, 0)
  let given = 0
  for (let i = 0; i < calls; i++) {
    counts[i] = Math.min(companies, Math.floor((weights[i]! / total) * bids))
    given += counts[i]!
  }
  for (let i = 0; given < bids && i < calls * 4; i++) {
    const k = i % calls
    if (counts[k]! < companies) {
      counts[k]!++
      given++
    }
  }
  return counts
}

export async function seedCalls(ctx: Context, awards: Award[]): Promise<PhaseResult[]> {
  const { random, base } = ctx
  const sql = callStatements(ctx.sqlite)
  const counts = bidCounts(ctx)
  const drawBuyer = zipf(ctx.buyers.length, 0.7)
  const drawCompany = zipf(ctx.companies.ids.length, 0.6, 50)
  // Published over the last three years, in order, so ids follow time as they do in production.
  const published = Array.from(
    { length: ctx.sizes.calls },
    () => base - DAY - Math.floor(random.next() * 1095 * DAY),
  ).sort((a, b) => a - b)
  const callPhase = new Phase('calls', ctx.sizes.calls, ctx.log)
  const bidPhase = new Phase('bids', ctx.sizes.bids, ctx.log)
  inBatches(ctx.sqlite, ctx.sizes.calls, 100, (index) => {
    const buyer = ctx.buyers[drawBuyer(random)]!
    const procedure = random.pick(PROCEDURES)
    const dialogue = procedure === 'market_dialogue'
    const publishedAt = published[index]!
    const deadline =
      publishedAt +
      (dialogue ? random.int(10, 30) : random.int(30, 75)) * DAY +
      random.int(0, 8) * HOUR
    const created = publishedAt - 2 * DAY - random.int(0, 20) * HOUR
    travel(created)
    const callId = Number(
      sql.call.run(
        buyer.id,
        procedure,
        title(random, buyer.place),
        summary(random, buyer.name),
        paragraph(random, buyer.place, random.int(3, 6)),
        random.chance(0.8) ? 1 : 0,
        random.chance(0.5) ? 1 : 0,
        procedure === 'pcp' ? 1 : 0,
        dialogue ? null : random.int(5, 500) * 100_000,
        procedure === 'pcp' ? random.int(2, 3) : dialogue ? 1 : random.chance(0.1) ? 2 : 1,
        buyer.county,
        buyer.municipality,
        deadline - 7 * DAY,
        deadline,
        random.chance(0.8) ? 10 : 15,
        buyer.author,
        buyer.author,
        created,
        created,
      ).lastInsertRowid,
    )
    const terms: { id: number; kind: 'requirement' | 'criterion' }[] = []
    if (!dialogue) {
      const requirement = random.pick(REQUIREMENTS)
      terms.push({
        id: Number(
          sql.criterion.run(
            callId,
            'requirement',
            1,
            requirement,
            `${requirement} ska vara uppfyllt vid anbudstidens slut.`,
            null,
          ).lastInsertRowid,
        ),
        kind: 'requirement',
      })
      random.pick(WEIGHTS).forEach((weight, k) => {
        const name = CRITERIA[(index + k) % CRITERIA.length]!
        terms.push({
          id: Number(
            sql.criterion.run(
              callId,
              'criterion',
              k + 2,
              name,
              `Bedöms på en skala 0–10 med avseende på ${word(random)}.`,
              weight,
            ).lastInsertRowid,
          ),
          kind: 'criterion',
        })
      })
    }
    const theme = random.pick(ctx.themes)
    sql.theme.run(callId, theme)
    if (random.chance(0.3))
      sql.theme.run(callId, ctx.themes[(ctx.themes.indexOf(theme) + 1) % ctx.themes.length])
    sql.cpv.run(callId, random.pick(ctx.cpv))
    ctx.audit({
      actorUserId: buyer.author,
      organisationId: buyer.id,
      action: 'call.created',
      entityType: 'call',
      entityId: callId,
    })
    travel(publishedAt)
    sql.publish.run(publishedAt, buyer.author, publishedAt, callId)
    ctx.audit({
      actorUserId: buyer.author,
      organisationId: buyer.id,
      action: 'call.published',
      entityType: 'call',
      entityId: callId,
    })

    // A few calls get a question and its public answer.
    if (random.chance(0.03) && ctx.companies.ids.length > 0) {
      travel(publishedAt + DAY)
      const asker = ctx.companies.users[drawCompany(random)]!
      const question = Number(
        sql.question.run(
          callId,
          asker,
          `Går det att lämna anbud på en del av ${word(random)}?`,
          publishedAt + DAY,
        ).lastInsertRowid,
      )
      travel(publishedAt + 2 * DAY)
      sql.answer.run(
        callId,
        question,
        'Går det att lämna anbud på en del av uppdraget?',
        'Nej, anbudet ska omfatta hela behovet.',
        buyer.author,
        publishedAt + 2 * DAY,
      )
    }

    const cancelled = deadline < base && random.chance(0.04)
    const cancelAt = publishedAt + Math.floor((deadline - publishedAt) * 0.6)
    const bidEnd = Math.min(deadline, base, cancelled ? cancelAt : deadline) - HOUR
    const companies = new Set<number>()
    const times = Array.from(
      { length: counts[index]! },
      () => publishedAt + HOUR + Math.floor(random.next() * (bidEnd - publishedAt - HOUR)),
    ).sort((a, b) => a - b)
    const submitted: { id: number; company: number; quality: number; meets: boolean }[] = []
    for (const at of times) {
      let company = drawCompany(random)
      while (companies.has(company))
        company = (company + 1 + random.int(0, 999)) % ctx.companies.ids.length
      companies.add(company)
      const companyId = ctx.companies.ids[company]!
      const user = ctx.companies.users[company]!
      const meets = random.chance(0.9)
      const content: BidContent = {
        requirements: terms
          .filter((t) => t.kind === 'requirement')
          .map((t) => ({
            criterion_id: t.id,
            met: meets,
            explanation: meets ? 'Uppfylls, se bilaga.' : 'Certifiering pågår.',
          })),
        criteria: terms
          .filter((t) => t.kind === 'criterion')
          .map((t) => ({
            criterion_id: t.id,
            response: `Vår lösning för ${word(random)} stödjer ${word(random)}.`,
          })),
        price_sek: dialogue ? null : random.int(2, 400) * 25_000,
        solution_summary: `${ctx.companies.places[company]}-baserad lösning för ${word(random)} och ${word(random)}.`,
        contact_role: 'Försäljningsansvarig',
      }
      travel(at)
      const { sealed, seal_key_id, content_hash } = sealContent(content, { callId, companyId })
      const bidId = Number(
        sql.bid.run(callId, companyId, sealed, seal_key_id, content_hash, user, at, user, at)
          .lastInsertRowid,
      )
      const roll = random.next()
      if (roll >= 0.04) {
        const receipt = bidReceipt({
          call_id: callId,
          company_id: companyId,
          content_hash,
          submitted_at: at,
        })
        sql.submit.run(at, user, receipt, user, at, bidId)
        ctx.audit({
          actorUserId: user,
          organisationId: companyId,
          action: 'bid.submitted',
          entityType: 'bid',
          entityId: bidId,
          after: { receiptHash: receipt, submittedAt: at },
        })
        if (roll < 0.07 && at + HOUR < bidEnd) {
          travel(at + HOUR)
          sql.withdraw.run(at + HOUR, user, at + HOUR, bidId)
        } else submitted.push({ id: bidId, company, quality: random.next(), meets })
      }
      bidPhase.add()
    }

    const decide = (status: string, at: number, by: number, reason: string) => {
      travel(at)
      sql.decide.run(status, at, by, by, at, reason, callId)
    }
    if (cancelled) {
      decide(
        'cancelled',
        cancelAt,
        buyer.author,
        'Upphandlingen avbryts eftersom behovet har ändrats under anbudstiden.',
      )
      callPhase.add()
      return
    }
    const openedAt = deadline + random.int(1, 3) * DAY
    if (openedAt + HOUR >= base || (dialogue && random.chance(0.1))) {
      callPhase.add() // Still open, or past its deadline with the bids waiting for the opening.
      return
    }
    travel(openedAt)
    sql.open.run(callId, buyer.evaluator, openedAt, callId)
    ctx.audit({
      actorUserId: buyer.evaluator,
      organisationId: buyer.id,
      action: 'call.opened',
      entityType: 'call',
      entityId: callId,
    })
    if (dialogue) {
      if (openedAt + 10 * DAY < base)
        decide(
          'concluded',
          openedAt + 10 * DAY,
          buyer.author,
          'Dialogen gav underlag för en kommande upphandling.',
        )
    } else if (submitted.length === 0) {
      decide(
        'unsuccessful',
        openedAt + HOUR,
        buyer.author,
        'Inga anbud kom in före anbudstidens slut.',
      )
    } else if (openedAt + 7 * DAY < base) {
      evaluate(ctx, sql, { callId, buyer, openedAt, terms, submitted, awards, decide })
    }
    callPhase.add()
  })
  return [callPhase.finish(), bidPhase.finish()]
}

/** The evaluator declares, scores every bid on every term, and the buyer awards by score. */
function evaluate(
  ctx: Context,
  sql: ReturnType<typeof callStatements>,
  call: {
    callId: number
    buyer: Buyer
    openedAt: number
    terms: { id: number; kind: 'requirement' | 'criterion' }[]
    submitted: { id: number; company: number; quality: number; meets: boolean }[]
    awards: Award[]
    decide: (status: string, at: number, by: number, reason: string) => void
  },
) {
  const { callId, buyer, openedAt, random } = { ...call, random: ctx.random }
  travel(openedAt + HOUR)
  sql.declare.run(callId, buyer.evaluator, openedAt + HOUR)
  travel(openedAt + DAY)
  for (const bid of call.submitted) {
    for (const term of call.terms) {
      const score =
        term.kind === 'requirement'
          ? bid.meets
            ? 1
            : 0
          : Math.min(10, Math.max(0, Math.round(bid.quality * 10 + random.int(-2, 2))))
      sql.score.run(
        bid.id,
        term.id,
        buyer.evaluator,
        score,
        random.pick(JUSTIFICATIONS),
        openedAt + DAY,
      )
    }
  }
  travel(openedAt + 4 * DAY)
  sql.evaluated.run(openedAt + 4 * DAY, buyer.evaluator, openedAt + 4 * DAY, callId)
  const decidedAt = openedAt + 7 * DAY
  travel(decidedAt)
  const winners = sql.winners.all(callId, callId) as { bid_id: number }[]
  if (winners.length === 0) {
    call.decide(
      'unsuccessful',
      decidedAt,
      buyer.author,
      'Inget anbud uppfyllde samtliga skall-krav.',
    )
    return
  }
  for (const winner of winners) sql.award.run(callId, winner.bid_id, decidedAt)
  const { standstill_days: standstill } = sql.standstill.get(callId) as { standstill_days: number }
  sql.awarded.run(
    decidedAt,
    buyer.author,
    buyer.author,
    decidedAt,
    'Tilldelning till det eller de anbud som fått högst viktad poäng och uppfyller skall-kraven.',
    decidedAt + standstill * DAY,
    callId,
  )
  ctx.audit({
    actorUserId: buyer.author,
    organisationId: buyer.id,
    action: 'call.awarded',
    entityType: 'call',
    entityId: callId,
  })
  const signedAt = decidedAt + (standstill + 1) * DAY
  if (signedAt < ctx.base) {
    travel(signedAt)
    sql.sign.run(signedAt, buyer.author, buyer.author, signedAt, callId)
  }
  for (const winner of winners) {
    const company = call.submitted.find((bid) => bid.id === winner.bid_id)!.company
    call.awards.push({ callId, companyIndex: company, buyer, decidedAt })
  }
}

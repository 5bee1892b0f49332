import { sql } from 'kysely'
import { audit } from '~/models/audit.server'
import { now } from '~/utils/clock.server'
import type { CallActions } from './call-actions'
import { DAY, type Tx, travel } from './shared'

// Digitalt läkemedelsstöd: the whole procedure, from bids to the signed contract — three bids,
// the opening, two evaluators scoring every bid, the award and the contract after the standstill.

export async function seedAwardedCall(db: Tx, actions: CallActions): Promise<void> {
  const { user, org, atMoment, call, criteria, placeBid, decide } = actions
  const lakemedelBids = [
    await placeBid(
      'lakemedel',
      {
        company: 'nattugglan',
        author: 'sara',
        contactRole: 'Vd',
        price: 2_850_000,
        summary:
          'Läkemedelsautomat med röstpåminnelse och larm till hemtjänstens planeringssystem.',
        answers: [
          { met: true, text: 'CE-märkt klass IIa sedan 2025.' },
          { text: 'Testad med 45 brukare över 80 år i Piteå; 94 % tog rätt dos.' },
          { text: '690 kr per brukare och månad inklusive service.' },
          { text: 'Färdig koppling för dosändringar via regionens integrationsplattform.' },
        ],
      },
      -70,
    ),
    await placeBid(
      'lakemedel',
      {
        company: 'polarsensor',
        author: 'johan',
        contactRole: 'Teknisk chef',
        price: 2_400_000,
        summary: 'Sensorlock till befintliga dosetter med larm via mobilnät.',
        answers: [
          { met: true, text: 'CE-märkt klass I.' },
          { text: 'Testad med 12 brukare i Luleå.' },
          { text: '540 kr per brukare och månad.' },
          { text: 'Larm via standardiserat gränssnitt; dosändringar manuellt.' },
        ],
      },
      -60,
    ),
    await placeBid(
      'lakemedel',
      {
        company: 'vardkraft',
        author: 'karin',
        contactRole: 'Affärsansvarig offentlig sektor',
        price: 3_100_000,
        summary: 'Plattform för läkemedelsstöd med surfplatta hos brukaren.',
        answers: [
          { met: false, text: 'CE-märkning pågår och väntas 2027.' },
          { text: 'Användartester med 20 brukare i Umeå.' },
          { text: '820 kr per brukare och månad.' },
          { text: 'Full integration via FHIR.' },
        ],
      },
      -57,
    ),
  ]
  const openRecord = (callId: number) => sql<string>`(SELECT json_group_array(json_object(
      'bid_id', id, 'company_id', company_id, 'submitted_at', submitted_at, 'receipt_hash', receipt_hash))
      FROM (SELECT id, company_id, submitted_at, receipt_hash FROM bids
        WHERE call_id = ${callId} AND status = 'submitted' ORDER BY id))`
  travel(atMoment(-54, 9))
  await sql`INSERT INTO bid_openings (call_id, opened_by, opened_at, record_json)
    SELECT ${call('lakemedel')}, ${user('anna')}, ${now()}, ${openRecord(call('lakemedel'))}`.execute(
    db,
  )
  await audit(db, {
    actorUserId: user('anna'),
    organisationId: org('norrbotten'),
    action: 'call.opened',
    entityType: 'call',
    entityId: call('lakemedel'),
  })
  // Two evaluators, each scoring every bid on every criterion with a justification.
  const scores: Record<string, number[][]> = {
    // per evaluator: per bid (Nattugglan, Polarsensor, Vårdkraft): per criterion
    anna: [
      [1, 9, 7, 8],
      [1, 6, 9, 5],
      [0, 7, 5, 9],
    ],
    lars: [
      [1, 8, 7, 9],
      [1, 7, 8, 5],
      [0, 8, 5, 9],
    ],
  }
  const justification = [
    'Styrkt i anbudet.',
    'Bedömt mot användartesternas resultat.',
    'Bedömt mot prisets andel av budget.',
    'Bedömt mot beskriven integration.',
  ]
  for (const [evaluator, perBid] of Object.entries(scores)) {
    travel(atMoment(-52, evaluator === 'anna' ? 9 : 10))
    await db
      .insertInto('evaluator_declarations')
      .values({ call_id: call('lakemedel'), user_id: user(evaluator), declared_at: now() })
      .execute()
    travel(atMoment(-49, evaluator === 'anna' ? 13 : 14))
    for (const [b, bidScores] of perBid.entries()) {
      for (const [i, criterion] of criteria('lakemedel').entries()) {
        await db
          .insertInto('bid_scores')
          .values({
            bid_id: lakemedelBids[b]!,
            criterion_id: criterion.id,
            evaluator_id: user(evaluator),
            score: bidScores[i]!,
            justification:
              criterion.kind === 'requirement'
                ? bidScores[i]
                  ? 'Kravet är uppfyllt enligt bifogat intyg.'
                  : 'CE-märkning saknas vid anbudstidens slut.'
                : justification[i]!,
            scored_at: now(),
          })
          .execute()
      }
    }
  }
  travel(atMoment(-45, 15))
  await db
    .updateTable('calls')
    .set({
      status: 'evaluated',
      evaluated_at: now(),
      updated_by: user('anna'),
      updated_at: now(),
    })
    .where('id', '=', call('lakemedel'))
    .execute()
  travel(atMoment(-40, 10))
  await db
    .insertInto('call_awards')
    .values({ call_id: call('lakemedel'), bid_id: lakemedelBids[0]!, created_at: now() })
    .execute()
  const { standstill_days } = await db
    .selectFrom('calls')
    .select('standstill_days')
    .where('id', '=', call('lakemedel'))
    .executeTakeFirstOrThrow()
  await decide('lakemedel', {
    status: 'awarded',
    by: 'anna',
    reason:
      'Nattugglan Omsorgsteknik AB:s anbud har högst viktad poäng av de anbud som uppfyller skall-kravet. Avgörande var användbarheten i testerna med äldre brukare och den färdiga kopplingen till journalsystemet. Vårdkraft Digital AB:s anbud uppfyllde inte kravet på CE-märkning.',
    standstillEndsAt: now() + standstill_days * DAY,
  })
  travel(atMoment(-27, 11))
  await db
    .updateTable('calls')
    .set({
      contract_signed_at: now(),
      contract_signed_by: user('anna'),
      updated_by: user('anna'),
      updated_at: now(),
    })
    .where('id', '=', call('lakemedel'))
    .execute()
}

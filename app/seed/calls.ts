import { audit } from '~/models/audit.server'
import { now, setClockOffset } from '~/utils/clock.server'
import { seedAwardedCall } from './call-award'
import { publishCalls } from './call-actions'
import { type SeedIds, type Tx, travel } from './shared'

// The demo procurement calls (issue 4). Their history is written through every rule of migration
// 03 as it happened: the seed's connection lets SQLite's clock follow the app clock
// (openDatabase's `clock` option), and the seed moves that clock back to each event's moment —
// publication, questions, bids, the opening, scores, the award — and then returns it to now.
// The running server never moves the clock.

export async function seedCalls(db: Tx, ids: SeedIds): Promise<void> {
  const actions = await publishCalls(db, ids)
  const { user, org, noon, atMoment, call, follow, ask, answer, placeBid, decide } = actions

  // --- Trygg nattillsyn: open, with answered questions and an amendment that changed the terms.
  await follow('nattillsyn', 'johan', -11)
  await follow('nattillsyn', 'karin', -10)
  const q1 = await ask(
    'nattillsyn',
    'johan',
    -9,
    'Får lösningen använda radar- eller rörelsesensorer i sovrummet om brukaren samtycker?',
  )
  await answer(
    'nattillsyn',
    'anna',
    -8,
    q1,
    'Får lösningen använda radar- eller rörelsesensorer i sovrummet om brukaren samtycker?',
    'Ja. Sensorer som inte ger bild är tillåtna med brukarens samtycke. Samtycket dokumenteras av hemtjänsten, inte av leverantören.',
  )
  const q2 = await ask(
    'nattillsyn',
    'karin',
    -7,
    'Hur många brukare ingår i testfasen, och i vilka kommuner?',
  )
  await answer(
    'nattillsyn',
    'anna',
    -6,
    q2,
    'Hur många brukare ingår i testfasen, och i vilka kommuner?',
    'Testfasen omfattar 60 brukare: 30 i Luleå, 20 i Piteå och 10 i Kiruna. Alla har hemtjänst med nattlig tillsyn.',
  )
  const polarBid = await placeBid(
    'nattillsyn',
    {
      company: 'polarsensor',
      author: 'johan',
      contactRole: 'Teknisk chef',
      price: 5_900_000,
      summary:
        'Radarsensorer utan kamera som känner av andning och rörelse, med larm till nattpatrullens mobil.',
      answers: [
        { met: true, text: 'Data lagras i Stockholm hos en svensk molnleverantör.' },
        { met: true, text: 'Sensorn är CE-märkt klass IIa.' },
        { text: 'Ingen kamera; brukaren märker inget nattetid.' },
        { text: 'Piloten i Luleå 2026 halverade antalet väckande besök.' },
        { text: 'Fast pris för utveckling, därefter 290 kr per brukare och månad.' },
        { text: 'Tekniker i Luleå och Kiruna.' },
      ],
    },
    -5,
  )
  await placeBid(
    'nattillsyn',
    {
      company: 'vardkraft',
      author: 'karin',
      contactRole: 'Affärsansvarig offentlig sektor',
      price: 6_200_000,
      summary: 'Plattform för digital tillsyn med sensorpaket från flera tillverkare.',
      answers: [
        { met: true, text: 'Drift i egna datacenter i Sundsvall och Umeå.' },
        {
          met: true,
          text: 'Sensorpaketet är CE-märkt; plattformen är inte en medicinteknisk produkt.',
        },
        { text: 'Brukaren väljer själv vilka sensorer som används; inga kameror.' },
        { text: 'Används i nattillsyn i tre kommuner i Västerbotten sedan 2025.' },
        { text: 'Licens 340 kr per brukare och månad, införande ingår.' },
        { text: 'Införandeteam på plats i Luleå under första året.' },
      ],
    },
    -4,
  )
  // The amendment: a new must-have on mobile networks, so the deadline moves a week and the
  // submitted bid must be confirmed again.
  travel(atMoment(-3, 10))
  const amendment = await db
    .insertInto('call_amendments')
    .values({
      call_id: call('nattillsyn'),
      number: 1,
      summary:
        'Nytt skall-krav: lösningen ska fungera med enbart mobilnät, eftersom många hushåll i inlandet saknar fast bredband. Sista anbudsdag flyttas en vecka. Anbud som redan lämnats behöver bekräftas igen.',
      question_deadline: noon(16),
      tender_deadline: noon(40),
      created_by: user('anna'),
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('call_criteria')
    .values({
      call_id: call('nattillsyn'),
      kind: 'requirement',
      position: 7,
      title: 'Fungerar med enbart mobilnät',
      description: 'Lösningen fungerar i hushåll utan fast bredband, med 4G eller 5G.',
      weight: null,
      added_in: amendment.id,
    })
    .execute()
  await db
    .updateTable('call_amendments')
    .set({ state: 'published', published_at: now(), published_by: user('anna'), changes_terms: 1 })
    .where('id', '=', amendment.id)
    .execute()
  await audit(db, {
    actorUserId: user('anna'),
    organisationId: org('norrbotten'),
    action: 'call.amended',
    entityType: 'call',
    entityId: call('nattillsyn'),
    after: { amendment: 1, tenderDeadline: noon(40) },
  })
  await ask(
    'nattillsyn',
    'karin',
    -1,
    'Räknas en lösning som använder hushållets befintliga wifi när det finns som godkänd mot det nya kravet?',
  )
  void polarBid

  // --- Nyckelfri hemtjänst: an open market dialogue that discloses the pilot it builds on.
  await follow('nyckelfri', 'johan', -4)

  await seedAwardedCall(db, actions)

  // --- Smarta effektvakter: cancelled with a reason before the deadline.
  travel(atMoment(-3, 14))
  await decide('effektvakter', {
    status: 'cancelled',
    by: 'ulrika',
    reason:
      'Upphandlingen avbryts eftersom behovet ändrats: effektstyrningen ska samordnas med Skellefteå Krafts nya flexibilitetsmarknad. En ny upphandling annonseras under 2027 och alla intresserade kan då delta på samma villkor.',
  })

  // --- Two calls past their deadline with sealed bids awaiting the buyer's opening.
  for (const key of ['fallprevention', 'korttidsboende']) {
    await placeBid(
      key,
      {
        company: 'nattugglan',
        author: 'sara',
        contactRole: 'Vd',
        price: key === 'fallprevention' ? 2_100_000 : 780_000,
        summary: 'Sensorer i sängen och vid dörren som larmar vid oro nattetid.',
        answers: [
          { met: true, text: 'Inga kameror; sensorerna ger ingen bild.' },
          { text: 'I vår pilot i Piteå var 91 % av larmen korrekta.' },
          { text: 'Fast pris per plats och månad.' },
        ],
      },
      -6,
    )
    await placeBid(
      key,
      {
        company: 'polarsensor',
        author: 'johan',
        contactRole: 'Teknisk chef',
        price: key === 'fallprevention' ? 1_950_000 : 720_000,
        summary: 'Radarsensorer som följer gångmönster och larmar vid ökad fallrisk.',
        answers: [
          { met: true, text: 'Radar, ingen kamera.' },
          { text: 'Validerad mot 300 nätter i Luleå.' },
          { text: 'Engångskostnad plus licens per plats.' },
        ],
      },
      -4,
    )
  }

  // --- The quiet period (issue 13): Nattugglan bids in Norrbotten's fall-prevention call, so what
  // Sara writes in the running pilot with Norrbotten waits until the call is decided. The database
  // holds it; she sees that it waits, and Region Norrbotten sees nothing of it.
  travel(atMoment(-3, 11))
  const pilot = await db
    .selectFrom('pilots')
    .select('id')
    .where('company_id', '=', org('nattugglan'))
    .where('host_id', '=', org('norrbotten'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('pilot_messages')
    .values({
      pilot_id: pilot.id,
      organisation_id: org('nattugglan'),
      author_id: user('sara'),
      body: 'Vi har tagit fram en ny version av dörrsensorn. Kan vi visa den för personalen på Hemtjänst Centrum nästa vecka?',
      created_at: now(),
    })
    .execute()

  setClockOffset(0)
}

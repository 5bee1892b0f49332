import type { SizeClass } from '#db/schema'
import { audit } from '~/models/audit.server'
import { saveOutreachOptOut, previewOutreach, sendOutreach } from '~/models/outreach.server'
import { setClockOffset } from '~/utils/clock.server'
import { type SeedIds, type Tx, calendar, keys, travel } from './shared'

// SME reach and broadcast outreach (issue 15 part 6, decision record 032). Three more small
// companies in Norrbotten that Testarena has never reached — a measurement firm in Haparanda, a
// drone firm in Kiruna and a refrigeration firm in Boden — show up on the region's SME reach page.
// The Boden firm has opted out of outreach. Nine days ago Region Norrbotten wrote one message to
// every micro and small company in Norrbotten, inviting them to its open test bed for active and
// healthy ageing: the database chose the recipients from the stored criteria, so the opted-out
// firm was counted but not reached. The people are invented; the organisation numbers are made up
// (valid check digits).

interface DemoCompany {
  key: string
  slug: string
  name: string
  sizeClass: SizeClass
  orgNumber: string
  municipality: string
  sectors: string[]
  description: string
  member: { key: string; email: string; name: string }
}

const companies: DemoCompany[] = [
  {
    key: 'tornedalen',
    slug: 'tornedalens-matteknik',
    name: 'Tornedalens Mätteknik AB',
    sizeClass: 'small',
    orgNumber: '5592718349',
    municipality: '2583',
    sectors: ['C', 'M'],
    description:
      'Mätinstrument för fukt och temperatur i byggnader och kylkedjor, tillverkade i Haparanda.',
    member: {
      key: 'aino',
      email: 'aino.keskitalo@tornedalsmatteknik.test',
      name: 'Aino Keskitalo',
    },
  },
  {
    key: 'kiruna_dronare',
    slug: 'kiruna-dronarteknik',
    name: 'Kiruna Drönarteknik AB',
    sizeClass: 'micro',
    orgNumber: '5593056129',
    municipality: '2584',
    sectors: ['J', 'M'],
    description:
      'Drönare och bildanalys för inspektion av kraftledningar, broar och gruvområden i fjällmiljö.',
    member: { key: 'nils', email: 'nils.pavval@kirunadronare.test', name: 'Nils Pavval' },
  },
  {
    key: 'bodens_kyl',
    slug: 'bodens-kylservice',
    name: 'Bodens Kylservice AB',
    sizeClass: 'small',
    orgNumber: '5591882476',
    municipality: '2582',
    sectors: ['C', 'F'],
    description: 'Installation och service av kyl- och värmepumpsanläggningar i Boden med omnejd.',
    member: { key: 'malin', email: 'malin.sandstrom@bodenskyl.test', name: 'Malin Sandström' },
  },
]

async function seedCompany(tx: Tx, ids: SeedIds, c: DemoCompany, passwordHash: string) {
  const at = ids.at
  const user = await tx
    .insertInto('users')
    .values({
      email: c.member.email,
      name: c.member.name,
      password_hash: passwordHash,
      locale: 'sv',
      is_platform_admin: 0,
      created_at: at,
      updated_at: at,
      password_changed_at: at,
      email_confirmed_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  ids.users.set(c.member.key, user.id)
  await audit(tx, {
    actorUserId: user.id,
    action: 'user.signup',
    entityType: 'user',
    entityId: user.id,
  })
  const org = await tx
    .insertInto('organisations')
    .values({
      slug: c.slug,
      kind: 'company',
      public_body_type: null,
      name: c.name,
      org_number: c.orgNumber,
      county_code: '25',
      municipality_code: c.municipality,
      size_class: c.sizeClass,
      website: null,
      description: c.description,
      verification_status: 'not_required',
      verification_note: null,
      verified_at: null,
      verified_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  ids.orgs.set(c.key, org.id)
  await audit(tx, {
    actorUserId: user.id,
    organisationId: org.id,
    action: 'organisation.register',
    entityType: 'organisation',
    entityId: org.id,
    after: { name: c.name, kind: 'company', orgNumber: c.orgNumber },
  })
  await tx
    .insertInto('memberships')
    .values({ organisation_id: org.id, user_id: user.id, role: 'admin', created_at: at })
    .execute()
  for (const code of c.sectors) {
    await tx
      .insertInto('organisation_sectors')
      .values({ organisation_id: org.id, sector_code: code })
      .execute()
  }
}

export async function seedOutreach(tx: Tx, ids: SeedIds): Promise<void> {
  const passwordHash = await tx
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', keys(ids).user('anna'))
    .executeTakeFirstOrThrow()
  for (const c of companies) await seedCompany(tx, ids, c, passwordHash.password_hash)
  const { user, org } = keys(ids)
  const { at } = calendar(ids.at)

  travel(at(-30, '08:40'))
  await saveOutreachOptOut(tx, {
    companyId: org('bodens_kyl'),
    userId: user('malin'),
    optedOut: true,
  })

  travel(at(-9, '10:15'))
  const criteria = {
    size_classes: ['micro', 'small'] as SizeClass[],
    sector_codes: [],
    county_code: '25',
    municipality_codes: [],
    theme_codes: [],
  }
  const { recipients } = await previewOutreach(tx, criteria)
  await sendOutreach(tx, {
    organisationId: org('norrbotten'),
    userId: user('anna'),
    confirmedCount: recipients,
    input: {
      subject: 'Testa er lösning i Norrbottens äldreomsorg – öppen testbädd',
      body: [
        'Region Norrbotten är EU Reference Site för aktivt och hälsosamt åldrande. Vår testbädd står öppen för alla företag som vill pröva digitala lösningar, sensorer eller tjänster tillsammans med äldre, anhöriga och personal i länet – utan kostnad och med löpande intag.',
        'Ni behöver inte ha en färdig produkt: en prototyp räcker (TRL 4–8). Ansökan görs på Testarena, och beslut fattas efter de kriterier som står i erbjudandet.',
        'Frågor? Skriv till innovationssamordnaren via testbäddens sida, eller ta kontakt genom IUC Norrbotten.',
      ].join('\n\n'),
      criteria,
    },
  })
  setClockOffset(0)
}

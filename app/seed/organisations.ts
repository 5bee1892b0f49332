import { audit } from '~/models/audit.server'
import type { MemberRole, OrganisationKind, PublicBodyType, SizeClass } from '#db/schema'
import type { SeedIds, Tx } from './shared'

// The demo people and organisations: public bodies (verified by the platform administrator, one
// still waiting) and companies of every size, each with its members.

interface DemoUser {
  key: string
  email: string
  name: string
  locale?: 'sv' | 'en'
  admin?: boolean
}

const users: DemoUser[] = [
  { key: 'platform', email: 'admin@testarena.test', name: 'Astrid Holm', admin: true },
  { key: 'anna', email: 'anna.lindqvist@norrbotten.test', name: 'Anna Lindqvist' },
  { key: 'lars', email: 'lars.ek@norrbotten.test', name: 'Lars Ek' },
  { key: 'erik', email: 'erik.nilsson@lulea.test', name: 'Erik Nilsson' },
  { key: 'maria', email: 'maria.johansson@pitea.test', name: 'Maria Johansson' },
  { key: 'sara', email: 'sara.berg@nattugglan.test', name: 'Sara Berg' },
  { key: 'johan', email: 'johan.lundberg@polarsensor.test', name: 'Johan Lundberg', locale: 'en' },
  { key: 'karin', email: 'karin.stromberg@vardkraft.test', name: 'Karin Strömberg' },
  { key: 'per', email: 'per.holmgren@pitea-sciencepark.test', name: 'Per Holmgren' },
  { key: 'ulrika', email: 'ulrika.marklund@skelleftea.test', name: 'Ulrika Marklund' },
  { key: 'eva', email: 'eva.lindgren@skane.test', name: 'Eva Lindgren' },
  { key: 'mikael', email: 'mikael.sundqvist@bergskraft.test', name: 'Mikael Sundqvist' },
]

interface DemoOrg {
  key: string
  slug: string
  name: string
  kind: OrganisationKind
  publicBodyType?: PublicBodyType
  sizeClass?: SizeClass
  orgNumber: string
  county: string
  municipality: string | null
  website: string | null
  description: string
  verified?: boolean
  sectors?: string[]
}

// Organisation numbers are demo values with valid check digits.
const organisations: DemoOrg[] = [
  {
    key: 'norrbotten',
    slug: 'region-norrbotten',
    name: 'Region Norrbotten',
    kind: 'public_body',
    publicBodyType: 'region',
    orgNumber: '2321000230',
    county: '25',
    municipality: '2580',
    website: 'https://www.norrbotten.se',
    description:
      'Region Norrbotten ansvarar för hälso- och sjukvård och regional utveckling i Sveriges nordligaste län. Regionen är EU Reference Site för aktivt och hälsosamt åldrande och öppnar sina verksamheter som testarena för företag som utvecklar digitala tjänster för vård och omsorg.',
    verified: true,
  },
  {
    key: 'lulea',
    slug: 'lulea-kommun',
    name: 'Luleå kommun',
    kind: 'public_body',
    publicBodyType: 'municipality',
    orgNumber: '2120002403',
    county: '25',
    municipality: '2580',
    website: 'https://www.lulea.se',
    description:
      'Luleå kommun arbetar med innovation i äldreomsorg, skola och samhällsbyggnad och tar emot företag som vill testa nya lösningar i kommunens verksamheter.',
    verified: true,
  },
  {
    key: 'pitea',
    slug: 'pitea-kommun',
    name: 'Piteå kommun',
    kind: 'public_body',
    publicBodyType: 'municipality',
    orgNumber: '2120002411',
    county: '25',
    municipality: '2581',
    website: 'https://www.pitea.se',
    description:
      'Piteå kommun vill bli testarena för smart energi och välfärdsteknik tillsammans med lokala företag.',
    verified: false,
  },
  {
    key: 'nattugglan',
    slug: 'nattugglan-omsorgsteknik',
    name: 'Nattugglan Omsorgsteknik AB',
    kind: 'company',
    sizeClass: 'small',
    orgNumber: '5594123456',
    county: '25',
    municipality: '2580',
    website: 'https://nattugglan.test',
    description:
      'Nattugglan utvecklar diskret nattillsyn för hemtjänst och särskilt boende: sensorer som larmar vid fall och oro utan kameror i sovrummet.',
    sectors: ['J', 'Q'],
  },
  {
    key: 'polarsensor',
    slug: 'polarsensor',
    name: 'Polarsensor AB',
    kind: 'company',
    sizeClass: 'micro',
    orgNumber: '5593987653',
    county: '25',
    municipality: '2581',
    website: null,
    description:
      'Polarsensor bygger robusta trådlösa sensorer för kallt klimat, för fastigheter, energi och industri.',
    sectors: ['C', 'J'],
  },
  {
    key: 'bergskraft',
    slug: 'bergskraft-energi',
    name: 'Bergskraft Energi AB',
    kind: 'company',
    sizeClass: 'medium',
    orgNumber: '5566771233',
    county: '24',
    municipality: '2482',
    website: 'https://bergskraft.test',
    description:
      'Energitjänster och styrning av värme och laddning i offentliga lokaler i Västerbotten.',
    sectors: ['D', 'F'],
  },
  {
    key: 'vardkraft',
    slug: 'vardkraft-digital',
    name: 'Vårdkraft Digital AB',
    kind: 'company',
    sizeClass: 'large',
    orgNumber: '5568123458',
    county: '12',
    municipality: '1281',
    website: 'https://vardkraft.test',
    description:
      'Digitala vårdtjänster och journalintegrationer för regioner och kommuner i hela Norden.',
    sectors: ['J', 'Q'],
  },
  {
    key: 'pitea_science_park',
    slug: 'pitea-science-park',
    name: 'Piteå Science Park AB',
    kind: 'public_body',
    publicBodyType: 'public_company',
    orgNumber: '5567123400',
    county: '25',
    municipality: '2581',
    website: 'https://pitea-sciencepark.test',
    description:
      'Piteå Science Park är ett kommunägt bolag som driver testbäddar för smarta byggnader och energi i Piteå och hjälper företag från idé till första kund.',
    verified: true,
  },
  {
    key: 'skelleftea',
    slug: 'skelleftea-kommun',
    name: 'Skellefteå kommun',
    kind: 'public_body',
    publicBodyType: 'municipality',
    orgNumber: '2120002742',
    county: '24',
    municipality: '2482',
    website: 'https://www.skelleftea.se',
    description:
      'Skellefteå kommun växer med batteriindustrin och öppnar kommunens fastigheter för tester av energilager, laddning och styrning.',
    verified: true,
  },
  {
    key: 'skane',
    slug: 'region-skane',
    name: 'Region Skåne',
    kind: 'public_body',
    publicBodyType: 'region',
    orgNumber: '2321000255',
    county: '12',
    municipality: '1290',
    website: 'https://www.skane.se',
    description:
      'Region Skåne ansvarar för hälso- och sjukvård i Skåne och prövar digitala vårdtjänster tillsammans med vårdcentraler och företag.',
    verified: true,
  },
]

/** Who belongs where, in order; an organisation's first member registered it. */
const memberships: [organisation: string, user: string, role: MemberRole][] = [
  ['norrbotten', 'anna', 'admin'],
  ['norrbotten', 'lars', 'member'],
  ['lulea', 'erik', 'admin'],
  ['pitea', 'maria', 'admin'],
  ['nattugglan', 'sara', 'admin'],
  ['polarsensor', 'johan', 'admin'],
  ['bergskraft', 'mikael', 'admin'],
  ['vardkraft', 'karin', 'admin'],
  ['pitea_science_park', 'per', 'admin'],
  ['skelleftea', 'ulrika', 'admin'],
  ['skane', 'eva', 'admin'],
]

/** Inserts the demo users and organisations; returns their ids by key. */
export async function seedOrganisations(
  tx: Tx,
  passwordHash: string,
  at: number,
): Promise<SeedIds> {
  const userIds = new Map<string, number>()
  for (const u of users) {
    const row = await tx
      .insertInto('users')
      .values({
        email: u.email,
        name: u.name,
        password_hash: passwordHash,
        locale: u.locale ?? 'sv',
        is_platform_admin: u.admin ? 1 : 0,
        created_at: at,
        updated_at: at,
        password_changed_at: at,
        email_confirmed_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    userIds.set(u.key, row.id)
    await audit(tx, {
      actorUserId: row.id,
      action: 'user.signup',
      entityType: 'user',
      entityId: row.id,
    })
  }
  const platformAdmin = userIds.get('platform') ?? null
  const orgIds = new Map<string, number>()
  for (const o of organisations) {
    const org = await tx
      .insertInto('organisations')
      .values({
        slug: o.slug,
        kind: o.kind,
        public_body_type: o.publicBodyType ?? null,
        name: o.name,
        org_number: o.orgNumber,
        county_code: o.county,
        municipality_code: o.municipality,
        size_class: o.sizeClass ?? null,
        website: o.website,
        description: o.description,
        verification_status: o.kind === 'company' ? 'not_required' : 'pending',
        verification_note: null,
        verified_at: null,
        verified_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    orgIds.set(o.key, org.id)
    const members = memberships.filter(([key]) => key === o.key)
    const creator = members[0] ? (userIds.get(members[0][1]) ?? null) : platformAdmin
    await audit(tx, {
      actorUserId: creator,
      organisationId: org.id,
      action: 'organisation.register',
      entityType: 'organisation',
      entityId: org.id,
      after: { name: o.name, kind: o.kind, orgNumber: o.orgNumber },
    })
    for (const [, key, role] of members) {
      await tx
        .insertInto('memberships')
        .values({ organisation_id: org.id, user_id: userIds.get(key)!, role, created_at: at })
        .execute()
    }
    for (const code of o.sectors ?? []) {
      await tx
        .insertInto('organisation_sectors')
        .values({ organisation_id: org.id, sector_code: code })
        .execute()
    }
    if (o.verified) {
      await tx
        .updateTable('organisations')
        .set({ verification_status: 'verified', verified_at: at, verified_by: platformAdmin })
        .where('id', '=', org.id)
        .execute()
      await audit(tx, {
        actorUserId: platformAdmin,
        organisationId: org.id,
        action: 'organisation.verify',
        entityType: 'organisation',
        entityId: org.id,
        before: { verification_status: 'pending' },
        after: { verification_status: 'verified' },
      })
    }
  }
  return { users: userIds, orgs: orgIds, at }
}

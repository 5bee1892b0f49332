import { audit } from '~/models/audit.server'
import type { IntermediaryType } from '#db/schema'
import { id, type SeedIds, type Tx } from './shared'

// The demo intermediaries (issue 15, decision 026): the organisations that help companies and
// public bodies find each other without procuring themselves. IUC Norrbotten and Luleå tekniska
// universitet are verified, each with one member; a digitalisation cluster in Piteå waits for the
// platform administrator. The people are invented; the organisation numbers are made up (valid
// check digits). Their keys (users 'linnea', 'henrik', 'robin'; organisations 'iuc_norrbotten',
// 'ltu', 'digikluster') join the others in SeedIds.

interface DemoIntermediary {
  key: string
  slug: string
  name: string
  type: IntermediaryType
  orgNumber: string
  county: string
  municipality: string
  website: string
  description: string
  verified: boolean
  member: { key: string; email: string; name: string }
}

const intermediaries: DemoIntermediary[] = [
  {
    key: 'iuc_norrbotten',
    slug: 'iuc-norrbotten',
    name: 'IUC Norrbotten AB',
    type: 'industrial_development_centre',
    orgNumber: '5566127345',
    county: '25',
    municipality: '2580',
    website: 'https://iucnorrbotten.test',
    description:
      'IUC Norrbotten är länets industriella utvecklingscentrum. Vi hjälper små och medelstora industriföretag med digitalisering, kompetens och nya affärer, och samlar regionens aktörer kring en gemensam agenda i stället för små insatser här och där.',
    verified: true,
    member: {
      key: 'linnea',
      email: 'linnea.oberg@iucnorrbotten.test',
      name: 'Linnea Öberg',
    },
  },
  {
    key: 'ltu',
    slug: 'lulea-tekniska-universitet',
    name: 'Luleå tekniska universitet',
    type: 'university',
    orgNumber: '2021004185',
    county: '25',
    municipality: '2580',
    website: 'https://ltu.test',
    description:
      'Luleå tekniska universitet forskar och utbildar inom teknik, hälsa och samhälle och samverkar med företag och offentliga aktörer i Norrbotten, bland annat kring aktivt och hälsosamt åldrande och digitalisering i industrin.',
    verified: true,
    member: { key: 'henrik', email: 'henrik.wikstrom@ltu.test', name: 'Henrik Wikström' },
  },
  {
    key: 'digikluster',
    slug: 'digitaliseringsklustret-norrbotten',
    name: 'Digitaliseringsklustret Norrbotten',
    type: 'cluster',
    orgNumber: '8024719364',
    county: '25',
    municipality: '2581',
    website: 'https://digikluster.test',
    description:
      'En ideell förening där företag, kommuner och lärosäten i Norrbotten delar erfarenheter av digitalisering och når fler små företag.',
    verified: false,
    member: { key: 'robin', email: 'robin.nystrom@digikluster.test', name: 'Robin Nyström' },
  },
]

/** Inserts the demo intermediaries and their members, through the rules; adds their keys to ids. */
export async function seedIntermediaries(
  tx: Tx,
  ids: SeedIds,
  passwordHash: string,
  at: number,
): Promise<void> {
  const platformAdmin = id(ids.users, 'platform')
  for (const o of intermediaries) {
    const user = await tx
      .insertInto('users')
      .values({
        email: o.member.email,
        name: o.member.name,
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
    ids.users.set(o.member.key, user.id)
    await audit(tx, {
      actorUserId: user.id,
      action: 'user.signup',
      entityType: 'user',
      entityId: user.id,
    })
    const org = await tx
      .insertInto('organisations')
      .values({
        slug: o.slug,
        kind: 'intermediary',
        public_body_type: null,
        intermediary_type: o.type,
        name: o.name,
        org_number: o.orgNumber,
        county_code: o.county,
        municipality_code: o.municipality,
        size_class: null,
        website: o.website,
        description: o.description,
        // Intermediaries start pending like public bodies; the database refuses anything else.
        verification_status: 'pending',
        verification_note: null,
        verified_at: null,
        verified_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.orgs.set(o.key, org.id)
    await audit(tx, {
      actorUserId: user.id,
      organisationId: org.id,
      action: 'organisation.register',
      entityType: 'organisation',
      entityId: org.id,
      after: { name: o.name, kind: 'intermediary', orgNumber: o.orgNumber },
    })
    await tx
      .insertInto('memberships')
      .values({ organisation_id: org.id, user_id: user.id, role: 'admin', created_at: at })
      .execute()
    if (!o.verified) continue
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

import { slugify } from '../../app/models/organisation-slugs.server'
import { travel } from '../../app/seed/shared'
import { type Buyer, type Context, DAY } from './context'
import { orgNumber } from './org-numbers'
import { inBatches, Phase, type PhaseResult } from './progress'
import { zipf } from './random'
import { companyName } from './vocabulary'

// The buyers (a region for each of the 21 counties and all 290 municipalities, from the reference
// data, each verified by the platform administrator) and the companies, each with one admin.
// Plain INSERTs through every trigger: public bodies start pending and only the administrator
// verifies them (decision record 010).

const FIRST_NAMES = [
  'Anna',
  'Lars',
  'Maria',
  'Erik',
  'Karin',
  'Johan',
  'Sara',
  'Anders',
  'Eva',
  'Per',
  'Emma',
  'Mikael',
  'Linnea',
  'Nils',
  'Aino',
  'Henrik',
  'Malin',
  'Oskar',
  'Ida',
  'Jonas',
  'Elin',
  'Ali',
  'Fatima',
  'Mohammed',
  'Sofia',
  'Viktor',
  'Hanna',
  'Gustav',
  'Elsa',
  'Amir',
]
const LAST_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Lindqvist',
  'Berg',
  'Lundberg',
  'Öberg',
  'Marklund',
  'Sundqvist',
  'Keskitalo',
  'Pavval',
  'Holmgren',
  'Wikström',
  'Nyström',
  'Strömberg',
  'Sandström',
  'Lindgren',
]
// The largest towns first, so companies cluster there the way they do (Zipf over the rest).
const LARGE_TOWNS = [
  '0180',
  '1480',
  '1280',
  '0380',
  '0580',
  '1880',
  '1980',
  '1283',
  '0581',
  '0680',
  '2480',
  '1281',
  '2580',
]
const SIZE_CLASSES = ['micro', 'micro', 'micro', 'small', 'small', 'medium', 'large'] as const
const SECTORS = ['C', 'F', 'J', 'M', 'Q', 'N']

export async function loadReferenceData(
  ctx: Omit<Context, 'places' | 'themes' | 'cpv' | 'buyers' | 'companies' | 'platformAdmin'>,
) {
  const municipalities = ctx.sqlite
    .prepare(
      'SELECT code, county_code AS county, short_name AS name FROM municipalities ORDER BY code',
    )
    .all() as { code: string; county: string; name: string }[]
  const rank = (code: string) => {
    const index = LARGE_TOWNS.indexOf(code)
    return index < 0 ? LARGE_TOWNS.length : index
  }
  const places = [...municipalities].sort((a, b) => rank(a.code) - rank(b.code))
  const themes = ctx.sqlite
    .prepare('SELECT code FROM themes ORDER BY position')
    .pluck()
    .all() as string[]
  // Eight-digit codes at the class level and below (e.g. 48000000 software, 85100000 health).
  const cpv = ctx.sqlite
    .prepare(
      `SELECT code FROM cpv_codes WHERE code GLOB '3[3-5]*' OR code GLOB '4[258]*'
      OR code GLOB '7[2-3]*' OR code GLOB '85*' ORDER BY code`,
    )
    .pluck()
    .all() as string[]
  const platformAdmin = ctx.sqlite
    .prepare('SELECT id FROM users WHERE is_platform_admin = 1 ORDER BY id LIMIT 1')
    .pluck()
    .get() as number
  return { places, themes, cpv, platformAdmin }
}

function personName(ctx: Context, index: number): string {
  const first = FIRST_NAMES[index % FIRST_NAMES.length]!
  return `${first} ${ctx.random.pick(LAST_NAMES)}`
}

function statements(ctx: Context) {
  const { sqlite } = ctx
  return {
    user: sqlite.prepare(`INSERT INTO users (email, name, password_hash, locale, created_at, updated_at,
      password_changed_at, email_confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    org: sqlite.prepare(`INSERT INTO organisations (slug, kind, public_body_type, name, org_number,
      county_code, municipality_code, size_class, website, description, verification_status,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    member: sqlite.prepare(
      'INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (?, ?, ?, ?)',
    ),
    sector: sqlite.prepare(
      'INSERT INTO organisation_sectors (organisation_id, sector_code) VALUES (?, ?)',
    ),
    verify:
      sqlite.prepare(`UPDATE organisations SET verification_status = 'verified', verified_at = ?,
      verified_by = ?, updated_at = ? WHERE id = ?`),
  }
}

/** Every region and municipality as a verified buyer; the demo's own verified ones are reused. */
export async function seedBuyers(ctx: Context): Promise<PhaseResult> {
  const { sqlite } = ctx
  const phase = new Phase('buyers', 21 + 290, ctx.log)
  const existing = new Map(
    (
      sqlite
        .prepare(
          `SELECT o.slug, o.id, o.name, o.verification_status AS status, o.county_code AS county,
        o.municipality_code AS municipality, min(m.user_id) AS author, max(m.user_id) AS evaluator
      FROM organisations o JOIN memberships m ON m.organisation_id = o.id GROUP BY o.id`,
        )
        .all() as {
        slug: string
        id: number
        name: string
        status: string
        county: string
        municipality: string | null
        author: number
        evaluator: number
      }[]
    ).map((row) => [row.slug, row]),
  )
  const numbers = new Set(
    sqlite.prepare('SELECT org_number FROM organisations').pluck().all() as string[],
  )
  const counties = sqlite
    .prepare('SELECT code, short_name AS name FROM counties ORDER BY code')
    .all() as { code: string; name: string }[]
  const bodies = [
    ...counties.map((c) => ({
      slug: `region-${slugify(c.name)}`,
      name: `Region ${c.name}`,
      type: 'region',
      county: c.code,
      municipality: null as string | null,
      place: c.name,
      prefix: '2321' as const,
    })),
    ...[...ctx.places]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((m) => ({
        slug: `${slugify(m.name)}-kommun`,
        name: `${m.name} kommun`,
        type: 'municipality',
        county: m.county,
        municipality: m.code as string | null,
        place: m.name,
        prefix: '2120' as const,
      })),
  ]
  const sql = statements(ctx)
  let serial = 100
  const at = ctx.base - 4 * 365 * DAY
  travel(at)
  // Two municipalities can share a slug once å, ä and ö are folded (Håbo, Habo): the later one
  // gets its code appended.
  const slugs = new Set<string>()
  for (const body of bodies) {
    if (slugs.has(body.slug)) body.slug = `${body.slug}-${body.municipality ?? body.county}`
    slugs.add(body.slug)
  }
  inBatches(ctx.sqlite, bodies.length, 500, (index) => {
    const body = bodies[index]!
    const known = existing.get(body.slug)
    if (known) {
      if (known.status === 'verified') ctx.buyers.push({ ...known, place: body.place })
      phase.add()
      return
    }
    let number = orgNumber(body.prefix, serial++)
    while (numbers.has(number)) number = orgNumber(body.prefix, serial++)
    numbers.add(number)
    const domain = `${body.slug}.test`
    const users = [`upphandling@${domain}`, `utvardering@${domain}`].map((email, k) =>
      Number(
        sql.user.run(email, personName(ctx, index * 2 + k), ctx.passwordHash, 'sv', at, at, at, at)
          .lastInsertRowid,
      ),
    )
    const id = Number(
      sql.org.run(
        body.slug,
        'public_body',
        body.type,
        body.name,
        number,
        body.county,
        body.municipality,
        null,
        `https://www.${domain}`,
        `${body.name} är en offentlig aktör i ${body.place}.`,
        'pending',
        at,
        at,
      ).lastInsertRowid,
    )
    sql.member.run(id, users[0], 'admin', at)
    sql.member.run(id, users[1], 'member', at)
    sql.verify.run(at, ctx.platformAdmin, at, id)
    ctx.audit({
      actorUserId: ctx.platformAdmin,
      organisationId: id,
      action: 'organisation.verify',
      entityType: 'organisation',
      entityId: id,
      before: { verification_status: 'pending' },
      after: { verification_status: 'verified' },
    })
    const buyer: Buyer = {
      id,
      name: body.name,
      author: users[0]!,
      evaluator: users[1]!,
      county: body.county,
      municipality: body.municipality,
      place: body.place,
    }
    ctx.buyers.push(buyer)
    phase.add()
  })
  return phase.finish()
}

/** The companies: a name, a valid organisation number, a town, a size class, a sector, an admin. */
export async function seedCompanies(ctx: Context): Promise<PhaseResult> {
  const { sqlite, random } = ctx
  const phase = new Phase('companies', ctx.sizes.companies, ctx.log)
  const numbers = new Set(
    sqlite.prepare('SELECT org_number FROM organisations').pluck().all() as string[],
  )
  const sql = statements(ctx)
  const drawPlace = zipf(ctx.places.length, 1.1)
  let serial = 1
  inBatches(ctx.sqlite, ctx.sizes.companies, 5000, (index) => {
    // Companies register over the half year after the buyers, before the first calls.
    const at =
      ctx.base - 4 * 365 * DAY + Math.floor((index / Math.max(1, ctx.sizes.companies)) * 180 * DAY)
    travel(at)
    const place = ctx.places[drawPlace(random)]!
    const name = companyName(random, place.name)
    const slug = `${slugify(name)}-${(index + 1).toString(36)}`
    let number = orgNumber('559', serial++)
    while (numbers.has(number)) number = orgNumber('559', serial++)
    const user = Number(
      sql.user.run(
        `kontakt@${slug}.test`,
        personName(ctx, index),
        ctx.passwordHash,
        random.chance(0.1) ? 'en' : 'sv',
        at,
        at,
        at,
        at,
      ).lastInsertRowid,
    )
    const id = Number(
      sql.org.run(
        slug,
        'company',
        null,
        name,
        number,
        place.county,
        place.code,
        random.pick(SIZE_CLASSES),
        null,
        `${name} utvecklar ${random.chance(0.5) ? 'tjänster' : 'produkter'} från ${place.name}.`,
        'not_required',
        at,
        at,
      ).lastInsertRowid,
    )
    sql.member.run(id, user, 'admin', at)
    sql.sector.run(id, random.pick(SECTORS))
    ctx.companies.ids.push(id)
    ctx.companies.users.push(user)
    ctx.companies.places.push(place.name)
    phase.add()
  })
  return phase.finish()
}

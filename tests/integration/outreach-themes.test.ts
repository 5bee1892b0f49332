import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getThemeInterests, saveThemeInterests } from '~/models/company-themes.server'
import { DomainError } from '~/models/errors.server'
import { listSentOutreaches, previewOutreach, sendOutreach } from '~/models/outreach.server'
import { action as newAction } from '~/routes/organisations.$slug.outreach.new/route'
import {
  action as settingsAction,
  loader as settingsLoader,
} from '~/routes/organisations.$slug.settings/route'
import { getDb } from '~/utils/db.server'
import { sessionCookieFor } from '../helpers/factories'
import { mailsTo } from '../helpers/inspect'
import {
  addUserTo,
  createPlacedCompany,
  createRegion,
  criteria,
} from '../helpers/outreach-factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

// Outreach by theme interest (migration 2026-12-07-19-company-themes, decision record 032,
// Revision): a company's members state its themes; an outreach naming themes reaches every company
// (of its other criteria) interested in at least one of them, and an empty list is no criterion.
// The rules are attacked with SQL no model wrote, through a plain connection.

const db = getDb()
let plain: Database.Database
beforeAll(() => {
  plain = new Database(process.env.DATABASE_PATH!)
  plain.pragma('foreign_keys = OFF')
})
afterAll(() => plain.close())

const SUBJECT = 'Inbjudan till energidialog'
const BODY = 'Vi bjuder in alla små företag i länet som arbetar med energi till en dialog.'

const attempt =
  (statement: string, ...params: unknown[]) =>
  () =>
    plain.prepare(statement).run(...params)

function sendRaw(orgId: number, userId: number, county: string, themes: string) {
  return plain
    .prepare(
      `INSERT INTO outreaches (organisation_id, subject, body, size_classes, sector_codes,
        county_code, municipality_codes, theme_codes, sent_by, sent_at)
       VALUES (?, ?, ?, '["micro","small"]', '[]', ?, '[]', ?, ?, unixepoch())`,
    )
    .run(orgId, SUBJECT, BODY, county, themes, userId).lastInsertRowid as number
}
const recipients = (id: number) =>
  (
    plain
      .prepare('SELECT company_id FROM outreach_recipients WHERE outreach_id = ?')
      .pluck()
      .all(id) as number[]
  ).sort((a, b) => a - b)
const sorted = (...ids: number[]) => ids.sort((a, b) => a - b)

describe('theme interests', () => {
  test('saved by the company’s members, withdrawn not deleted, refused for anyone else', async () => {
    const company = await createPlacedCompany(db, {
      county: '09',
      municipality: '0980',
      size: 'small',
    })
    const colleague = await addUserTo(db, company.org.id)
    await saveThemeInterests(db, {
      companyId: company.org.id,
      userId: company.user.id,
      themeCodes: ['energy', 'ehealth'],
    })
    expect(await getThemeInterests(db, company.org.id)).toEqual(['ehealth', 'energy'])
    await saveThemeInterests(db, {
      companyId: company.org.id,
      userId: colleague.id,
      themeCodes: ['energy', 'mobility'],
    })
    expect(await getThemeInterests(db, company.org.id)).toEqual(['energy', 'mobility'])
    const withdrawn = await db
      .selectFrom('company_theme_interests')
      .select(['interested', 'updated_by'])
      .where('company_id', '=', company.org.id)
      .where('theme_code', '=', 'ehealth')
      .executeTakeFirstOrThrow()
    expect(withdrawn).toEqual({ interested: 0, updated_by: colleague.id })

    const stranger = await createRegion(db)
    const refused = await saveThemeInterests(db, {
      companyId: company.org.id,
      userId: stranger.user.id,
      themeCodes: ['energy'],
    }).catch((e: unknown) => e)
    expect((refused as DomainError).code).toBe('not_found')
    const unknown = await saveThemeInterests(db, {
      companyId: company.org.id,
      userId: company.user.id,
      themeCodes: ['astrology'],
    }).catch((e: unknown) => e)
    expect((unknown as DomainError).code).toBe('theme_unknown')
  })

  test('raw SQL: only members write, nothing is deleted, REPLACE and ON CONFLICT undo nothing', async () => {
    const company = await createPlacedCompany(db, {
      county: '09',
      municipality: '0980',
      size: 'micro',
    })
    const stranger = await createRegion(db)
    plain
      .prepare(
        `INSERT INTO company_theme_interests (company_id, theme_code, interested, updated_at, updated_by)
         VALUES (?, 'energy', 1, unixepoch(), ?)`,
      )
      .run(company.org.id, company.user.id)
    const insert = `INSERT INTO company_theme_interests
      (company_id, theme_code, interested, updated_at, updated_by) VALUES (?, ?, ?, unixepoch(), ?)`
    expect(attempt(insert, company.org.id, 'mobility', 1, stranger.user.id)).toThrow(
      /testarena:theme_interest_not_member/,
    )
    // A public body is no company, even for its own members.
    expect(attempt(insert, stranger.org.id, 'mobility', 1, stranger.user.id)).toThrow(
      /testarena:theme_interest_not_member/,
    )
    expect(
      attempt(
        `UPDATE company_theme_interests SET interested = 0, updated_by = ?
         WHERE company_id = ?`,
        stranger.user.id,
        company.org.id,
      ),
    ).toThrow(/testarena:theme_interest_not_member/)
    expect(
      attempt(
        `UPDATE company_theme_interests SET company_id = ?, updated_at = unixepoch()
         WHERE company_id = ?`,
        stranger.org.id,
        company.org.id,
      ),
    ).toThrow(/testarena:theme_interest_not_member/)
    expect(
      attempt('DELETE FROM company_theme_interests WHERE company_id = ?', company.org.id),
    ).toThrow(/testarena:theme_interest_not_member/)
    expect(
      attempt(
        insert.replace('INSERT', 'INSERT OR REPLACE'),
        company.org.id,
        'energy',
        0,
        stranger.user.id,
      ),
    ).toThrow(/testarena:theme_interest_not_member/)
    expect(
      attempt(
        `${insert} ON CONFLICT (company_id, theme_code) DO UPDATE SET interested = 0,
          updated_by = excluded.updated_by`,
        company.org.id,
        'energy',
        0,
        stranger.user.id,
      ),
    ).toThrow(/testarena:theme_interest_not_member/)
    expect(
      attempt(
        `UPDATE company_theme_interests SET updated_at = unixepoch() - 3600 WHERE company_id = ?`,
        company.org.id,
      ),
    ).toThrow(/testarena:clock_mismatch/)
    expect(await getThemeInterests(db, company.org.id)).toEqual(['energy'])
  })
})

describe('the theme criterion', () => {
  let region: Awaited<ReturnType<typeof createRegion>>
  let energy: Awaited<ReturnType<typeof createPlacedCompany>>
  let both: Awaited<ReturnType<typeof createPlacedCompany>>
  let care: Awaited<ReturnType<typeof createPlacedCompany>>
  let none: Awaited<ReturnType<typeof createPlacedCompany>>
  let withdrew: Awaited<ReturnType<typeof createPlacedCompany>>
  beforeAll(async () => {
    region = await createRegion(db)
    const place = { county: '10', municipality: '1080', size: 'small' } as const
    energy = await createPlacedCompany(db, place)
    both = await createPlacedCompany(db, place)
    care = await createPlacedCompany(db, place)
    none = await createPlacedCompany(db, place)
    withdrew = await createPlacedCompany(db, place)
    const state = (c: typeof energy, themeCodes: string[]) =>
      saveThemeInterests(db, { companyId: c.org.id, userId: c.user.id, themeCodes })
    await state(energy, ['energy'])
    await state(both, ['energy', 'welfare_technology'])
    await state(care, ['welfare_technology'])
    await state(withdrew, ['energy'])
    await state(withdrew, [])
  })

  test('selects the companies with at least one of the themes; an empty list selects all', async () => {
    const c = criteria({ county_code: '10', theme_codes: ['energy', 'mobility'] })
    expect(await previewOutreach(db, c)).toEqual({ matched: 2, opted_out: 0, recipients: 2 })
    const sent = await sendOutreach(db, {
      organisationId: region.org.id,
      userId: region.user.id,
      input: { subject: SUBJECT, body: BODY, criteria: c },
      confirmedCount: 2,
    })
    expect(sent).toMatchObject({ matched_count: 2, recipient_count: 2 })
    expect(recipients(sent.id)).toEqual(sorted(energy.org.id, both.org.id))
    const [mail] = await mailsTo(db, energy.user.email, 'outreach')
    expect(mail?.text_body).toContain('Teman: Energi')
    expect(await mailsTo(db, care.user.email, 'outreach')).toEqual([])
    expect(await mailsTo(db, withdrew.user.email, 'outreach')).toEqual([])
    const [listed] = await listSentOutreaches(db, {
      organisationId: region.org.id,
      userId: region.user.id,
      locale: 'en',
    })
    expect(listed?.criteria.themes).toEqual(['Energy', 'Mobility and transport'])

    const all = criteria({ county_code: '10' })
    expect(await previewOutreach(db, all)).toMatchObject({ matched: 5, recipients: 5 })
    const raw = sendRaw(region.org.id, region.user.id, '10', '[]')
    expect(recipients(raw)).toEqual(
      sorted(energy.org.id, both.org.id, care.org.id, none.org.id, withdrew.org.id),
    )
    expect(
      recipients(sendRaw(region.org.id, region.user.id, '10', '["welfare_technology"]')),
    ).toEqual(sorted(both.org.id, care.org.id))
  })

  test('raw SQL: unknown or malformed themes refused; no hand-picked recipient outside the themes', () => {
    for (const themes of ['["astrology"]', '[7]', '{"energy":1}', 'energy']) {
      expect(() => sendRaw(region.org.id, region.user.id, '10', themes), themes).toThrow(
        /testarena:outreach_criteria_invalid|malformed JSON/,
      )
    }
    // The database fills the recipients while the row is unsealed; inside that statement a
    // hand-picked company outside the themes is refused, and afterwards nothing is added at all.
    const id = sendRaw(region.org.id, region.user.id, '10', '["energy"]')
    for (const company of [care, none, withdrew]) {
      expect(
        attempt(
          'INSERT INTO outreach_recipients (outreach_id, company_id) VALUES (?, ?)',
          id,
          company.org.id,
        ),
      ).toThrow(/testarena:outreach_hand_picked/)
    }
    expect(attempt('UPDATE outreaches SET sealed = 0 WHERE id = ?', id)).toThrow(
      /testarena:outreach_fixed/,
    )
    expect(attempt(`UPDATE outreaches SET theme_codes = '[]' WHERE id = ?`, id)).toThrow(
      /testarena:outreach_fixed/,
    )
    expect(
      attempt(`INSERT OR REPLACE INTO outreaches SELECT * FROM outreaches WHERE id = ?`, id),
    ).toThrow(/testarena:row_exists/)
    expect(recipients(id)).toEqual(sorted(energy.org.id, both.org.id))
  })
})

describe('the pages', () => {
  test('settings: a company saves its themes; bad codes 400 by the field', async () => {
    const company = await createPlacedCompany(db, {
      county: '12',
      municipality: '1280',
      size: 'small',
    })
    const cookie = await sessionCookieFor(db, company.user.id)
    const path = `/organisations/${company.org.slug}/settings`
    const post = (fields: Record<string, string | string[]>) =>
      run(() =>
        settingsAction(
          actionArgs(formRequest(path, fields, { cookie }), { slug: company.org.slug }),
        ),
      )
    const saved = await post({ intent: 'themes', theme_codes: ['mobility', 'energy'] })
    expect(statusOf(saved)).toBe(302)
    expect(headerOf(saved, 'location')).toBe(`${path}?notice=themes`)
    expect(await getThemeInterests(db, company.org.id)).toEqual(['energy', 'mobility'])
    const bad = await post({ intent: 'themes', theme_codes: ['energy', 'astrology'] })
    expect(statusOf(bad)).toBe(400)
    expect(JSON.stringify(dataOf(bad).themesResult.error)).toContain('errors.invalid')
    expect(await getThemeInterests(db, company.org.id)).toEqual(['energy', 'mobility'])
    const page = dataOf(
      await run(() =>
        settingsLoader(
          loaderArgs(getRequest(`${path}?notice=themes`, { cookie }), { slug: company.org.slug }),
        ),
      ),
    )
    expect(page.themes.chosen).toEqual(['energy', 'mobility'])
    expect(page.themes.all.length).toBeGreaterThan(10)
    expect(page.notice).toBe('themes')
    // A public body's settings have no theme section.
    const region = await createRegion(db)
    const regionCookie = await sessionCookieFor(db, region.user.id)
    const regionPage = dataOf(
      await run(() =>
        settingsLoader(
          loaderArgs(
            getRequest(`/organisations/${region.org.slug}/settings`, {
              cookie: regionCookie,
            }),
            { slug: region.org.slug },
          ),
        ),
      ),
    )
    expect(regionPage.themes).toBeNull()
  })

  test('compose: the preview honours the themes; an unknown theme is refused by the field', async () => {
    const region = await createRegion(db)
    const a = await createPlacedCompany(db, { county: '12', municipality: '1281', size: 'micro' })
    await createPlacedCompany(db, { county: '12', municipality: '1281', size: 'micro' })
    await saveThemeInterests(db, {
      companyId: a.org.id,
      userId: a.user.id,
      themeCodes: ['mobility'],
    })
    const cookie = await sessionCookieFor(db, region.user.id)
    const path = `/organisations/${region.org.slug}/outreach/new`
    const post = (fields: Record<string, string | string[]>) =>
      run(() =>
        newAction(actionArgs(formRequest(path, fields, { cookie }), { slug: region.org.slug })),
      )
    const base = { subject: SUBJECT, body: BODY, size_classes: ['micro'], county_code: '12' }
    expect(dataOf(await post({ ...base, intent: 'preview' })).preview).toMatchObject({
      recipients: 2,
    })
    const themed = dataOf(await post({ ...base, intent: 'preview', theme_codes: ['mobility'] }))
    expect(themed.preview).toMatchObject({ recipients: 1, matched: 1 })
    expect(JSON.parse(themed.preview.criteria)).toMatchObject({ theme_codes: ['mobility'] })
    const bad = await post({ ...base, intent: 'preview', theme_codes: ['astrology'] })
    expect(statusOf(bad)).toBe(400)
    expect(JSON.stringify(formResult(bad).error)).toContain('errors.invalid')
    const sent = await post({
      ...base,
      intent: 'send',
      theme_codes: ['mobility'],
      confirmed_count: '1',
      confirmed_criteria: themed.preview.criteria,
    })
    expect(statusOf(sent)).toBe(302)
    expect(await mailsTo(db, a.user.email, 'outreach')).toHaveLength(1)
  })
})

import type Database from 'better-sqlite3'
import { beforeEach, describe, expect, test } from 'vitest'
import type { DB } from '#db/connection'
import { createTestDb } from '../helpers/db'
import {
  createCompany,
  createDraftApplication,
  createHost,
  createMemberOf,
  createOffer,
  createSubmittedApplication,
} from '../helpers/test-bed-factories'

// The rules of issue 3, attacked with raw SQL: whatever code runs, the database says no.
// The app-level attempts live next to each feature's tests.

let db: DB
let sqlite: Database.Database
beforeEach(async () => {
  ;({ db, sqlite } = await createTestDb())
})

const nowSeconds = () => Math.floor(Date.now() / 1000)
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function run(statement: string, ...params: unknown[]) {
  return sqlite.prepare(statement).run(...params)
}

function submit(applicationId: number, userId: number, at = nowSeconds()) {
  return run(
    `UPDATE pilot_applications SET status = 'submitted', submitted_at = ?, submitted_by = ?,
      receipt_hash = ? WHERE id = ?`,
    at,
    userId,
    'a'.repeat(64),
    applicationId,
  )
}

function scoreAll(applicationId: number, userId: number, met = 1) {
  return run(
    `INSERT INTO pilot_application_scores (application_id, criterion_id, score, met, scored_by, scored_at)
     SELECT a.id, c.id, CASE c.kind WHEN 'score' THEN 3 END, CASE c.kind WHEN 'pass_fail' THEN ? END, ?, ?
     FROM pilot_applications a JOIN test_bed_criteria c ON c.offer_id = a.offer_id WHERE a.id = ?`,
    met,
    userId,
    nowSeconds(),
    applicationId,
  )
}

function decide(
  applicationId: number,
  userId: number,
  status: 'accepted' | 'declined',
  reason = 'Motivering',
) {
  const at = nowSeconds()
  return run(
    `UPDATE pilot_applications SET status = ?, decided_at = ?, decided_by = ?, decision_reason = ?,
      pilot_starts_on = ?, pilot_ends_on = ? WHERE id = ?`,
    status,
    at,
    userId,
    reason,
    status === 'accepted' ? at : null,
    status === 'accepted' ? at + 90 * 86400 : null,
    applicationId,
  )
}

describe('applications go only to a published offer, and to a round only before its deadline', () => {
  test('a draft, paused or closed offer takes no application', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const draft = await createOffer(db, host, { status: 'draft' })
    await expect(createDraftApplication(db, draft.id, company)).rejects.toThrow(/offer_not_open/)

    const offer = await createOffer(db, host)
    const application = await createDraftApplication(db, offer.id, company)
    run(`UPDATE test_bed_offers SET status = 'paused' WHERE id = ?`, offer.id)
    expect(() => submit(application.id, company.user.id)).toThrow(/offer_not_open/)
    run(`UPDATE test_bed_offers SET status = 'closed' WHERE id = ?`, offer.id)
    expect(() => submit(application.id, company.user.id)).toThrow(/offer_not_open/)
  })

  test('after the deadline nothing is submitted, not even with a back-dated receipt time', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host, { intake: 'round', deadlineIn: 2 })
    const application = await createDraftApplication(db, offer.id, company)
    await wait(2200)
    expect(() => submit(application.id, company.user.id, nowSeconds() - 60)).toThrow(
      /deadline_passed/,
    )
    const late = await createCompany(db)
    await expect(createDraftApplication(db, offer.id, late)).rejects.toThrow(/deadline_passed/)
  })

  test('a receipt time after the deadline is refused even while the clock says otherwise', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host, { intake: 'round', deadlineIn: 3600 })
    const application = await createDraftApplication(db, offer.id, company)
    expect(() => submit(application.id, company.user.id, nowSeconds() + 7200)).toThrow(
      /deadline_passed/,
    )
  })

  test('only members of a company apply, and a public body cannot apply', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host)
    await expect(
      createDraftApplication(db, offer.id, { org: company.org, user: host.user }),
    ).rejects.toThrow(/not_company_member/)
    const otherHost = await createHost(db)
    await expect(createDraftApplication(db, offer.id, otherHost)).rejects.toThrow(
      /applicant_not_company/,
    )
  })
})

describe('one live application per company per offer round', () => {
  test('a second draft or submitted application is refused; after withdrawal a new one is allowed', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host)
    const first = await createSubmittedApplication(db, offer.id, company)
    await expect(createDraftApplication(db, offer.id, company)).rejects.toThrow(
      /UNIQUE constraint failed: pilot_applications/,
    )
    run(
      `UPDATE pilot_applications SET status = 'withdrawn', withdrawn_at = ? WHERE id = ?`,
      nowSeconds(),
      first.id,
    )
    await expect(createDraftApplication(db, offer.id, company)).resolves.toBeDefined()
  })

  test('a submitted application cannot be edited, moved to another offer or deleted', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host)
    const other = await createOffer(db, host)
    const application = await createSubmittedApplication(db, offer.id, company)
    expect(() =>
      run(`UPDATE pilot_applications SET test_goals = 'något annat' WHERE id = ?`, application.id),
    ).toThrow(/application_submitted/)
    expect(() =>
      run(`UPDATE pilot_applications SET offer_id = ? WHERE id = ?`, other.id, application.id),
    ).toThrow(/application_parties_fixed/)
    expect(() => run(`DELETE FROM pilot_applications WHERE id = ?`, application.id)).toThrow(
      /application_submitted/,
    )
  })
})

describe('a decision is made only by the host, on a submitted application, with a reason', () => {
  test('a company member, another host or a missing reason cannot decide', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host)
    const application = await createSubmittedApplication(db, offer.id, company)
    expect(() => scoreAll(application.id, company.user.id)).toThrow(/decision_by_host_only/)
    scoreAll(application.id, host.user.id)
    expect(() => decide(application.id, company.user.id, 'accepted')).toThrow(
      /decision_by_host_only/,
    )
    const otherHost = await createHost(db)
    expect(() => decide(application.id, otherHost.user.id, 'declined')).toThrow(
      /decision_by_host_only/,
    )
    expect(() => decide(application.id, host.user.id, 'declined', '   ')).toThrow(/reason_required/)
    const colleague = await createMemberOf(db, host.org.id)
    decide(application.id, colleague.id, 'declined')
    expect(() => decide(application.id, host.user.id, 'accepted')).toThrow(
      /invalid_transition|application_decided/,
    )
    expect(() =>
      run(`UPDATE pilot_application_scores SET score = 5 WHERE application_id = ?`, application.id),
    ).toThrow(/application_decided/)
  })

  test('a draft cannot be decided, and every criterion must be assessed first', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host)
    const draft = await createDraftApplication(db, offer.id, company)
    expect(() => scoreAll(draft.id, host.user.id)).toThrow(/application_decided/)
    expect(() => decide(draft.id, host.user.id, 'declined')).toThrow(
      /invalid_transition|criteria_not_scored/,
    )
    submit(draft.id, company.user.id)
    expect(() => decide(draft.id, host.user.id, 'declined')).toThrow(/criteria_not_scored/)
  })

  test('an application failing a must-have cannot be accepted', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host)
    const application = await createSubmittedApplication(db, offer.id, company)
    scoreAll(application.id, host.user.id, 0)
    expect(() => decide(application.id, host.user.id, 'accepted')).toThrow(/must_have_not_met/)
    decide(application.id, host.user.id, 'declined')
  })

  test('a round is decided only after its deadline', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host, { intake: 'round', deadlineIn: 2 })
    const application = await createSubmittedApplication(db, offer.id, company)
    // A sealed round is neither scored nor decided before its deadline.
    expect(() => scoreAll(application.id, host.user.id)).toThrow(/round_still_open/)
    expect(() => decide(application.id, host.user.id, 'accepted')).toThrow(
      /round_still_open|criteria_not_scored/,
    )
    await wait(2200)
    scoreAll(application.id, host.user.id)
    decide(application.id, host.user.id, 'accepted')
  })
})

describe('accepted pilots never exceed capacity', () => {
  test('with capacity 1 the second acceptance is refused until the first pilot is reported', async () => {
    const host = await createHost(db)
    const offer = await createOffer(db, host, { capacity: 1 })
    const first = await createSubmittedApplication(db, offer.id, await createCompany(db))
    const second = await createSubmittedApplication(db, offer.id, await createCompany(db))
    scoreAll(first.id, host.user.id)
    scoreAll(second.id, host.user.id)
    decide(first.id, host.user.id, 'accepted')
    expect(() => decide(second.id, host.user.id, 'accepted')).toThrow(/capacity_full/)
    expect(() => run(`UPDATE test_bed_offers SET capacity = 0 WHERE id = ?`, offer.id)).toThrow(
      /CHECK constraint failed|capacity_below_active/,
    )

    const pilot = sqlite
      .prepare(`SELECT id FROM pilots WHERE application_id = ?`)
      .get(first.id) as {
      id: number
    }
    run(
      `INSERT INTO pilot_reports (pilot_id, what_tested, with_whom, results, recommendations, author_id, submitted_at)
       VALUES (?, 'Nattillsyn', '10 brukare', 'Färre nattbesök', 'Inför', ?, ?)`,
      pilot.id,
      host.user.id,
      nowSeconds(),
    )
    decide(second.id, host.user.id, 'accepted')
  })

  test('a pilot cannot be inserted without an acceptance, and capacity cannot drop below running pilots', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host, { capacity: 2 })
    const application = await createSubmittedApplication(db, offer.id, company)
    expect(() =>
      run(
        `INSERT INTO pilots (application_id, offer_id, company_id, host_id, starts_on, ends_on, created_at)
         VALUES (?, ?, ?, ?, 1, 2, 1)`,
        application.id,
        offer.id,
        company.org.id,
        host.org.id,
      ),
    ).toThrow(/pilot_needs_acceptance/)
    scoreAll(application.id, host.user.id)
    decide(application.id, host.user.id, 'accepted')
    const other = await createSubmittedApplication(db, offer.id, await createCompany(db))
    scoreAll(other.id, host.user.id)
    decide(other.id, host.user.id, 'accepted')
    expect(() =>
      run(
        `UPDATE test_bed_offers SET capacity = 1, updated_by = ? WHERE id = ?`,
        host.user.id,
        offer.id,
      ),
    ).toThrow(/capacity_below_active/)
  })
})

describe('criteria and terms of a published offer do not move', () => {
  test('criteria cannot be added, changed or removed once published', async () => {
    const host = await createHost(db)
    const offer = await createOffer(db, host, { intake: 'round' })
    expect(() =>
      run(
        `INSERT INTO test_bed_criteria (offer_id, position, title, kind) VALUES (?, 9, 'Pris', 'score')`,
        offer.id,
      ),
    ).toThrow(/criteria_frozen/)
    expect(() =>
      run(`UPDATE test_bed_criteria SET kind = 'score' WHERE offer_id = ?`, offer.id),
    ).toThrow(/criteria_frozen/)
    expect(() => run(`DELETE FROM test_bed_criteria WHERE offer_id = ?`, offer.id)).toThrow(
      /criteria_frozen/,
    )
    expect(() => run(`DELETE FROM test_bed_offers WHERE id = ?`, offer.id)).toThrow(
      /offer_not_draft/,
    )
  })

  test('intake, price and value are fixed, and the deadline only moves later', async () => {
    const host = await createHost(db)
    const offer = await createOffer(db, host, { intake: 'round', deadlineIn: 3600 })
    const deadline = (
      sqlite.prepare(`SELECT deadline FROM test_bed_offers WHERE id = ?`).get(offer.id) as {
        deadline: number
      }
    ).deadline
    expect(() =>
      run(
        `UPDATE test_bed_offers SET market_value_sek = market_value_sek + 1 WHERE id = ?`,
        offer.id,
      ),
    ).toThrow(/terms_frozen/)
    expect(() =>
      run(`UPDATE test_bed_offers SET deadline = ? WHERE id = ?`, deadline - 60, offer.id),
    ).toThrow(/deadline_frozen/)
    run(`UPDATE test_bed_offers SET deadline = ? WHERE id = ?`, deadline + 86400, offer.id)
  })

  test('publishing needs a verified host and criteria, and every published change is kept', async () => {
    const host = await createHost(db)
    const offer = await createOffer(db, host, { status: 'draft', criteria: [] })
    expect(() =>
      run(
        `UPDATE test_bed_offers SET status = 'published', published_at = 1 WHERE id = ?`,
        offer.id,
      ),
    ).toThrow(/criteria_required/)

    const company = await createCompany(db)
    expect(() =>
      run(
        `INSERT INTO test_bed_offers (organisation_id, title, summary, description, county_code,
          trl_min, trl_max, capacity, available_from, intake, access_model, market_value_sek,
          price_sek, contact_role, contact_email, created_by, updated_by, created_at, updated_at)
         VALUES (?, 'Falsk testbädd', 'En testbädd från ett företag', 'x', '25', 1, 9, 1, 1,
          'rolling', 'free', 1000, 0, 'VD', 'a@b.se', ?, ?, 1, 1)`,
        company.org.id,
        company.user.id,
        company.user.id,
      ),
    ).toThrow(/host_not_public_body/)

    const published = await createOffer(db, host)
    run(
      `UPDATE test_bed_offers SET summary = 'En ny sammanfattning av erbjudandet',
        change_note = 'Förtydligat', updated_at = updated_at + 1 WHERE id = ?`,
      published.id,
    )
    const versions = sqlite
      .prepare(`SELECT version, change_note FROM test_bed_offer_versions WHERE offer_id = ?`)
      .all(published.id)
    expect(versions).toEqual([
      { version: 1, change_note: null },
      { version: 2, change_note: 'Förtydligat' },
    ])
    expect(() =>
      run(`DELETE FROM test_bed_offer_versions WHERE offer_id = ?`, published.id),
    ).toThrow(/history_append_only/)
    expect(() =>
      run(`UPDATE test_bed_offer_versions SET change_note = 'x' WHERE offer_id = ?`, published.id),
    ).toThrow(/history_append_only/)
  })
})

describe('pilots, state aid, messages and reports', () => {
  test('a below-market pilot records its aid once, and the ledger cannot be edited or forged', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host, {
      accessModel: 'cost_sharing',
      marketValue: 90000,
      price: 30000,
    })
    const application = await createSubmittedApplication(db, offer.id, company)
    scoreAll(application.id, host.user.id)
    decide(application.id, host.user.id, 'accepted')
    expect(sqlite.prepare(`SELECT company_id, aid_sek FROM state_aid_ledger`).all()).toEqual([
      { company_id: company.org.id, aid_sek: 60000 },
    ])
    expect(() => run(`UPDATE state_aid_ledger SET aid_sek = 1`)).toThrow(/aid_ledger_append_only/)
    expect(() => run(`DELETE FROM state_aid_ledger`)).toThrow(/aid_ledger_append_only/)
    expect(() =>
      run(
        `INSERT INTO state_aid_ledger (company_id, pilot_id, offer_id, host_id, market_value_sek, price_sek, aid_sek, granted_at)
         SELECT company_id, id, offer_id, host_id, 90000, 89999, 1, 1 FROM pilots`,
      ),
    ).toThrow(/aid_ledger_append_only|row_exists/)

    const paid = await createOffer(db, host, { accessModel: 'paid', marketValue: 50000 })
    const paidApplication = await createSubmittedApplication(db, paid.id, company)
    scoreAll(paidApplication.id, host.user.id)
    decide(paidApplication.id, host.user.id, 'accepted')
    expect(sqlite.prepare(`SELECT count(*) AS n FROM state_aid_ledger`).get()).toEqual({ n: 1 })
  })

  test('only the two parties write in a pilot, the host reports once and the company answers once', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const offer = await createOffer(db, host)
    const application = await createSubmittedApplication(db, offer.id, company)
    scoreAll(application.id, host.user.id)
    decide(application.id, host.user.id, 'accepted')
    const { id: pilotId } = sqlite.prepare(`SELECT id FROM pilots`).get() as { id: number }
    const outsider = await createCompany(db)
    const message = (orgId: number, userId: number) =>
      run(
        `INSERT INTO pilot_messages (pilot_id, organisation_id, author_id, body, created_at) VALUES (?, ?, ?, 'Hej', 1)`,
        pilotId,
        orgId,
        userId,
      )
    message(company.org.id, company.user.id)
    message(host.org.id, host.user.id)
    expect(() => message(outsider.org.id, outsider.user.id)).toThrow(/not_pilot_party/)
    expect(() => message(host.org.id, company.user.id)).toThrow(/not_pilot_party/)
    expect(() => run(`UPDATE pilot_messages SET body = 'Ändrat'`)).toThrow(/messages_append_only/)

    const report = (userId: number) =>
      run(
        `INSERT INTO pilot_reports (pilot_id, what_tested, with_whom, results, recommendations, author_id, submitted_at)
         VALUES (?, 'a', 'b', 'c', 'd', ?, 1)`,
        pilotId,
        userId,
      )
    expect(() => report(company.user.id)).toThrow(/report_by_host_only/)
    expect(() =>
      run(`UPDATE pilots SET status = 'completed', completed_at = 1 WHERE id = ?`, pilotId),
    ).toThrow(/pilot_fixed/)
    report(host.user.id)
    expect(sqlite.prepare(`SELECT status FROM pilots`).get()).toEqual({ status: 'completed' })
    expect(() => run(`UPDATE pilot_reports SET results = 'Bättre'`)).toThrow(/report_fixed/)
    const answer = (userId: number) =>
      run(`UPDATE pilot_reports SET response = 'Tack', responded_by = ?, responded_at = 2`, userId)
    expect(() => answer(host.user.id)).toThrow(/response_by_company_only/)
    answer(company.user.id)
    expect(() => answer(company.user.id)).toThrow(/response_by_company_only/)
  })
})

test('deleting a draft offer takes its criteria and themes with it', async () => {
  const host = await createHost(db)
  const draft = await createOffer(db, host, { status: 'draft' })
  run(`DELETE FROM test_bed_offers WHERE id = ?`, draft.id)
  expect(
    sqlite.prepare(`SELECT count(*) AS n FROM test_bed_criteria WHERE offer_id = ?`).get(draft.id),
  ).toEqual({ n: 0 })
})

test('a host member who also belongs to the applying company can neither score nor decide', async () => {
  const host = await createHost(db)
  const company = await createCompany(db)
  const offer = await createOffer(db, host)
  const application = await createSubmittedApplication(db, offer.id, company)
  const both = await createMemberOf(db, host.org.id)
  run(
    `INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (?, ?, 'member', 1)`,
    company.org.id,
    both.id,
  )
  expect(() => scoreAll(application.id, both.id)).toThrow(/conflict_of_interest/)
  scoreAll(application.id, host.user.id)
  expect(() => decide(application.id, both.id, 'declined')).toThrow(/conflict_of_interest/)
  decide(application.id, host.user.id, 'declined')
})

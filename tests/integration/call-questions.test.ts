import { fanOutPending } from '~/models/notification-fanout.server'
import { afterEach, describe, expect, test } from 'vitest'
import { isMessageKey } from '~/i18n/messages'
import { action as callAction, loader as callLoader } from '~/routes/calls.$callId._index/route'
import {
  action as questionsAction,
  loader as questionsLoader,
} from '~/routes/calls.$callId.questions/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { advanceClock, createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import { createUser, sessionCookieFor } from '../helpers/factories'
import { auditActions, mailsTo, rawError } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany, createMemberOf } from '../helpers/test-bed-factories'

afterEach(() => resetClock())

const QUESTION = 'Får lösningen använda befintliga trygghetslarm i hemmen?'

function page(callId: number, cookie?: string) {
  return run(() =>
    callLoader(loaderArgs(getRequest(`/calls/${callId}`, { cookie }), { callId: String(callId) })),
  )
}

function ask(callId: number, body: string, cookie?: string) {
  return run(() =>
    callAction(
      actionArgs(formRequest(`/calls/${callId}`, { intent: 'ask', body }, { cookie }), {
        callId: String(callId),
      }),
    ),
  )
}

function questionsPage(callId: number, cookie?: string) {
  return run(() =>
    questionsLoader(
      loaderArgs(getRequest(`/calls/${callId}/questions`, { cookie }), { callId: String(callId) }),
    ),
  )
}

function publish(callId: number, fields: Record<string, string>, cookie?: string) {
  return run(() =>
    questionsAction(
      actionArgs(formRequest(`/calls/${callId}/questions`, fields, { cookie }), {
        callId: String(callId),
      }),
    ),
  )
}

/** A published call, its buyer, and a company whose member Sara follows it. */
async function setup(options: Parameters<typeof createCall>[2] = {}) {
  const db = getDb()
  const buyer = await createBuyer(db)
  const { call } = await createCall(db, buyer, options)
  const company = await createCompany(db)
  const sara = await db
    .updateTable('users')
    .set({ name: 'Sara Frågvis' })
    .where('id', '=', company.user.id)
    .returning(['id', 'email', 'name'])
    .executeTakeFirstOrThrow()
  return {
    db,
    buyer,
    call,
    company,
    sara,
    saraCookie: await sessionCookieFor(db, sara.id),
    buyerCookie: await sessionCookieFor(db, buyer.user.id),
  }
}

function formError(outcome: unknown): string | undefined {
  return formResult(outcome).error?.['']?.[0]
}

async function questionsOf(callId: number) {
  return getDb().selectFrom('call_questions').selectAll().where('call_id', '=', callId).execute()
}

describe('asking a question', () => {
  test('is stored with the time, audited without the asker, and shown to no one publicly', async () => {
    const { db, call, sara, saraCookie } = await setup()
    const result = await ask(call.id, QUESTION, saraCookie)
    expect(headerOf(result, 'Location')).toBe(`/calls/${call.id}?notice=asked#questions-title`)
    const [question] = await questionsOf(call.id)
    expect(question?.body).toBe(QUESTION)
    expect(Math.abs((question?.asked_at ?? 0) - now())).toBeLessThanOrEqual(5)
    const auditRow = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'call.question_asked')
      .where('entity_id', '=', String(question?.id))
      .executeTakeFirstOrThrow()
    expect(auditRow.actor_user_id).toBe(sara.id)
    expect(auditRow.after_json).toBe(JSON.stringify({ call_id: call.id }))
    // An unanswered question is not public.
    expect(JSON.stringify(dataOf(await page(call.id)))).not.toContain(QUESTION)
    // Nothing is mailed when a question comes in.
    expect(await mailsTo(db, sara.email)).toEqual([])
  })

  test('is refused after the question deadline (app and database)', async () => {
    const { db, call, sara } = await setup()
    advanceClock(20 * DAY + 60)
    // Sessions expire when idle; log in again after the jump.
    const saraCookie = await sessionCookieFor(db, sara.id)
    const result = await ask(call.id, QUESTION, saraCookie)
    expect(statusOf(result)).toBe(400)
    expect(formError(result)).toBe('errors.domain.question_deadline_passed')
    expect(dataOf(await page(call.id, saraCookie)).call.viewer.ask_block).toBe('deadline')
    expect(
      await rawError(() =>
        db
          .insertInto('call_questions')
          .values({ call_id: call.id, asker_user_id: sara.id, body: QUESTION, asked_at: now() })
          .execute(),
      ),
    ).toMatch('testarena:question_deadline_passed')
    expect(await questionsOf(call.id)).toEqual([])
  })

  test('is refused to the buyer’s own members (app and database)', async () => {
    const { db, call, buyer, buyerCookie } = await setup()
    const result = await ask(call.id, QUESTION, buyerCookie)
    expect(statusOf(result)).toBe(400)
    expect(formError(result)).toBe('errors.domain.buyer_cannot_ask')
    expect(
      await rawError(() =>
        db
          .insertInto('call_questions')
          .values({
            call_id: call.id,
            asker_user_id: buyer.user.id,
            body: QUESTION,
            asked_at: now(),
          })
          .execute(),
      ),
    ).toMatch('testarena:buyer_cannot_ask')
    expect(await questionsOf(call.id)).toEqual([])
  })

  test('is limited per user and day, needs a real question, and needs a login', async () => {
    const { call, saraCookie } = await setup()
    for (let i = 0; i < 10; i++) {
      expect(statusOf(await ask(call.id, `${QUESTION} (${i})`, saraCookie))).toBe(302)
    }
    const limited = await ask(call.id, QUESTION, saraCookie)
    expect(statusOf(limited)).toBe(400)
    const message = formError(limited) ?? ''
    expect(message.split('|')[0]).toBe('callPublic.ask.limit')
    expect(isMessageKey('callPublic.ask.limit')).toBe(true)
    const short = await ask(call.id, 'Hur?', saraCookie)
    expect(statusOf(short)).toBe(400)
    expect(formResult(short).error?.body).toEqual(['callPublic.ask.tooShort'])
    expect(headerOf(await ask(call.id, QUESTION), 'Location')).toMatch(/^\/login/)
    expect(await questionsOf(call.id)).toHaveLength(10)
    // A new day, a new allowance.
    advanceClock(DAY + 1)
    expect(statusOf(await ask(call.id, QUESTION, saraCookie))).toBe(302)
  })

  test('a draft takes no questions (404)', async () => {
    const { db, buyer, saraCookie } = await setup()
    const { call: draft } = await createCall(db, buyer, { status: 'draft' })
    expect(statusOf(await ask(draft.id, QUESTION, saraCookie))).toBe(404)
  })
})

describe('the buyer’s questions page', () => {
  test('is for the buyer’s members only (404 to others, login for visitors)', async () => {
    const { db, call, saraCookie, buyerCookie } = await setup()
    expect(statusOf(await questionsPage(call.id, saraCookie))).toBe(404)
    expect(headerOf(await questionsPage(call.id), 'Location')).toMatch(/^\/login/)
    expect(statusOf(await questionsPage(call.id, buyerCookie))).toBe(200)
    const other = await createBuyer(db)
    const otherCookie = await sessionCookieFor(db, other.user.id)
    expect(statusOf(await questionsPage(call.id, otherCookie))).toBe(404)
    const refused = await publish(
      call.id,
      { intent: 'clarify', body: 'Ett förtydligande.' },
      otherCookie,
    )
    expect(statusOf(refused)).toBe(404)
  })

  test('publishing an answer: public without the asker, mailed once to each interested user', async () => {
    const { db, call, company, sara, saraCookie, buyerCookie } = await setup()
    // Interested: Sara follows; Per follows and downloaded; Lena downloaded only.
    const per = await createUser(db, { name: 'Per Följare' })
    const lena = await createUser(db, { name: 'Lena Nedladdare', locale: 'en' })
    const colleague = await createMemberOf(db, company.org.id)
    for (const userId of [sara.id, per.id]) {
      await db
        .insertInto('follows')
        .values({
          user_id: userId,
          target_type: 'call',
          target_id: call.id,
          created_at: now(),
        })
        .execute()
    }
    for (const userId of [per.id, lena.id]) {
      await db
        .insertInto('call_downloads')
        .values({ call_id: call.id, user_id: userId, first_at: now() })
        .execute()
    }
    await ask(call.id, `${QUESTION} Jag heter Sara Frågvis.`, saraCookie)
    const listed = dataOf(await questionsPage(call.id, buyerCookie))
    expect(listed.open).toHaveLength(1)
    expect(JSON.stringify(listed)).not.toContain(sara.email)
    const question = listed.open[0]
    const published = await publish(
      call.id,
      {
        intent: 'answer',
        question_id: String(question.id),
        question_text: QUESTION,
        body: 'Ja, om larmen följer SS-EN 50134.',
      },
      buyerCookie,
    )
    expect(headerOf(published, 'Location')).toBe(`/calls/${call.id}/questions?notice=answer`)

    // Public, logged out, without who asked.
    const visitor = dataOf(await page(call.id))
    expect(visitor.call.answers).toEqual([
      expect.objectContaining({
        number: 1,
        kind: 'answer',
        question_text: QUESTION,
        body: 'Ja, om larmen följer SS-EN 50134.',
      }),
    ])
    const json = JSON.stringify(visitor)
    for (const identity of [sara.name, sara.email, company.org.name]) {
      expect(json).not.toContain(identity)
    }
    expect(json).not.toContain('asker')

    // Each interested user once; the colleague (no bid, not following) and the buyer not at all.
    // Sara only follows: she hears it as a notification, in the delivery she chose (035).
    for (const user of [per, lena]) {
      const mails = await mailsTo(db, user.email, 'call_answer')
      expect(mails).toHaveLength(1)
      expect(mails[0]?.text_body).toContain(QUESTION)
      expect(mails[0]?.text_body).toContain('SS-EN 50134')
      expect(mails[0]?.text_body).not.toContain('Sara Frågvis')
    }
    expect((await mailsTo(db, lena.email, 'call_answer'))[0]?.subject).toMatch(/New answer/)
    expect(await mailsTo(db, colleague.email, 'call_answer')).toEqual([])
    expect(await mailsTo(db, sara.email, 'call_answer')).toEqual([])
    await fanOutPending(db)
    const told = await mailsTo(db, sara.email, 'notification')
    expect(told).toHaveLength(1)
    expect(told[0]?.subject).toMatch(/^Nytt svar på en fråga: /)
    // Per, who downloaded, had the procurement mail: his notification is not mailed again.
    expect(await mailsTo(db, per.email, 'notification')).toEqual([])
    const perNotice = await db
      .selectFrom('notifications')
      .select('mail')
      .where('user_id', '=', per.id)
      .executeTakeFirstOrThrow()
    expect(perNotice.mail).toBe('covered')
    const answerId = (await db.selectFrom('call_answers').select('id').executeTakeFirstOrThrow()).id
    expect(await auditActions(db, 'call_answer', answerId)).toEqual(['call.answer_published'])

    // Answered questions leave the open list; answering again is refused.
    expect(dataOf(await questionsPage(call.id, buyerCookie)).open).toEqual([])
    const again = await publish(
      call.id,
      {
        intent: 'answer',
        question_id: String(question.id),
        question_text: QUESTION,
        body: 'Ett annat svar.',
      },
      buyerCookie,
    )
    expect(statusOf(again)).toBe(400)
    expect(formError(again)).toBe('errors.domain.answer_immutable')
  })

  test('a correction is a new dated entry; the old answer stays unchanged (app and database)', async () => {
    const { db, call, buyerCookie } = await setup()
    await publish(call.id, { intent: 'clarify', body: 'Anbud lämnas på svenska.' }, buyerCookie)
    const original = await db
      .selectFrom('call_answers')
      .selectAll()
      .where('call_id', '=', call.id)
      .executeTakeFirstOrThrow()
    advanceClock(60)
    const corrected = await publish(
      call.id,
      {
        intent: 'correct',
        corrects_id: String(original.id),
        body: 'Anbud får lämnas på svenska eller engelska.',
      },
      buyerCookie,
    )
    expect(headerOf(corrected, 'Location')).toBe(`/calls/${call.id}/questions?notice=correct`)
    const answers = dataOf(await page(call.id)).call.answers
    expect(answers).toEqual([
      expect.objectContaining({
        number: 1,
        kind: 'clarification',
        body: 'Anbud lämnas på svenska.',
        corrected_by: [2],
      }),
      expect.objectContaining({
        number: 2,
        kind: 'correction',
        corrects_number: 1,
        body: 'Anbud får lämnas på svenska eller engelska.',
      }),
    ])
    expect(answers[1].published_at).toBeGreaterThan(answers[0].published_at)
    const after = await db
      .selectFrom('call_answers')
      .selectAll()
      .where('id', '=', original.id)
      .executeTakeFirstOrThrow()
    expect(after).toEqual(original)
    expect(
      await rawError(() =>
        db
          .updateTable('call_answers')
          .set({ body: 'Ändrat i efterhand.' })
          .where('id', '=', original.id)
          .execute(),
      ),
    ).toMatch('testarena:answer_immutable')
    expect(
      await rawError(() => db.deleteFrom('call_answers').where('id', '=', original.id).execute()),
    ).toMatch('testarena:answer_immutable')
    // A correction of another call's entry does not exist here.
    const buyer2 = await createBuyer(db)
    const { call: other } = await createCall(db, buyer2)
    const foreign = await publish(
      other.id,
      { intent: 'correct', corrects_id: String(original.id), body: 'Fel upphandling.' },
      await sessionCookieFor(db, buyer2.user.id),
    )
    expect(statusOf(foreign)).toBe(404)
  })

  test('answers within 6 days of the deadline are refused (app and database)', async () => {
    const { db, call, buyer, saraCookie } = await setup()
    await ask(call.id, QUESTION, saraCookie)
    const [question] = await questionsOf(call.id)
    advanceClock(40 * DAY - 6 * DAY + 60)
    const buyerCookie = await sessionCookieFor(db, buyer.user.id)
    expect(dataOf(await questionsPage(call.id, buyerCookie)).can_answer).toBe(false)
    const late = await publish(
      call.id,
      {
        intent: 'answer',
        question_id: String(question?.id),
        question_text: QUESTION,
        body: 'För sent svar.',
      },
      buyerCookie,
    )
    expect(statusOf(late)).toBe(400)
    expect(formError(late)).toBe('errors.domain.answer_too_late')
    expect(
      await rawError(() =>
        db
          .insertInto('call_answers')
          .values({
            call_id: call.id,
            question_id: null,
            question_text: null,
            body: 'För sent.',
            corrects_id: null,
            published_by: buyer.user.id,
            published_at: now(),
          })
          .execute(),
      ),
    ).toMatch('testarena:answer_too_late')
    expect(
      await db.selectFrom('call_answers').selectAll().where('call_id', '=', call.id).execute(),
    ).toEqual([])
  })

  test('form errors come back as 400 with the field named', async () => {
    const { call, buyerCookie } = await setup()
    const empty = await publish(call.id, { intent: 'clarify', body: '' }, buyerCookie)
    expect(statusOf(empty)).toBe(400)
    expect(dataOf(empty).form).toBe('clarify')
    expect(formResult(empty).error?.body).toEqual(['callPublic.answer.bodyRequired'])
    expect(statusOf(await publish(call.id, { intent: 'x' }, buyerCookie))).toBe(400)
  })
})

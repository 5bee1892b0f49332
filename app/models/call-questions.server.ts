import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { getTranslator } from '~/i18n/messages'
import { answersDueAt } from '~/utils/call-status'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import { notifyCall } from './call-notifications.server'
import { memberCall } from './calls.server'
import { listPublicAnswers } from './call-catalogue.server'
import { DomainError, withRules } from './errors.server'

// Rule 2, "same information to all": questions come in privately, answers go out publicly to
// everyone at once. The asker is stored only so one user cannot flood a call; it is never shown,
// never mailed and never written to the audit record beyond the acting user's id.

/** One user may ask at most this many questions about one call in a day. */
export const QUESTIONS_PER_DAY = 10
const DAY = 86400

export type AskResult = { status: 'asked'; id: number } | { status: 'limit' }

/**
 * Asks a question about a published call before its question deadline (the database refuses
 * later questions and questions from the buyer's own members).
 */
export async function askQuestion(
  db: DB,
  input: { callId: number; userId: number; body: string; ip?: string | null },
): Promise<AskResult> {
  return withRules(() =>
    db.transaction().execute(async (tx): Promise<AskResult> => {
      const call = await tx
        .selectFrom('calls')
        .select(['id', 'organisation_id'])
        .where('id', '=', input.callId)
        .where('status', '<>', 'draft')
        .executeTakeFirst()
      if (!call) throw new DomainError('not_found')
      const at = now()
      const { asked } = await tx
        .selectFrom('call_questions')
        .select((eb) => eb.fn.countAll<number>().as('asked'))
        .where('call_id', '=', call.id)
        .where('asker_user_id', '=', input.userId)
        .where('asked_at', '>', at - DAY)
        .executeTakeFirstOrThrow()
      if (Number(asked) >= QUESTIONS_PER_DAY) return { status: 'limit' }
      const question = await tx
        .insertInto('call_questions')
        .values({
          call_id: call.id,
          asker_user_id: input.userId,
          body: input.body,
          asked_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      // The actor is the asker; nothing else about them goes into the record.
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: call.organisation_id,
        action: 'call.question_asked',
        entityType: 'call_question',
        entityId: question.id,
        after: { call_id: call.id },
        ip: input.ip ?? null,
      })
      return { status: 'asked', id: question.id }
    }),
  )
}

/**
 * The buyer's questions page: the questions not yet answered (with their text, never the asker)
 * and the published entries, which can be corrected.
 */
export async function getQuestionsPage(db: DB, callId: number, userId: number) {
  const call = await memberCall(db, callId, userId)
  const [open, answers] = await Promise.all([
    db
      .selectFrom('call_questions')
      .select(['id', 'body', 'asked_at'])
      .where('call_id', '=', call.id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('call_answers')
              .select('call_answers.id')
              .whereRef('call_answers.question_id', '=', 'call_questions.id'),
          ),
        ),
      )
      .orderBy('asked_at')
      .orderBy('id')
      .execute(),
    listPublicAnswers(db, call.id),
  ])
  const at = now()
  const answersDue = answersDueAt(call.tender_deadline)
  return {
    call: { ...call, answers_due_at: answersDue },
    open,
    answers,
    /** Answers can be published until 6 days before the deadline (then an amendment must extend it). */
    can_answer: call.status === 'published' && at <= answersDue,
  }
}

export type AnswerInput =
  | { kind: 'answer'; questionId: number; questionText: string; body: string }
  | { kind: 'clarification'; body: string }
  | { kind: 'correction'; correctsId: number; body: string }

function callLink(callId: number) {
  return `${getEnv().APP_ORIGIN}/calls/${callId}`
}

/**
 * Publishes an answer to a question, a clarification without a question, or a correction of an
 * earlier entry — to everyone at once: the entry is public from the same commit in which every
 * interested user's mail is queued. Published entries never change (the database refuses).
 */
export async function publishAnswer(
  db: DB,
  input: { callId: number; userId: number; entry: AnswerInput; ip?: string | null },
): Promise<{ id: number; mailed: number }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await memberCall(tx, input.callId, input.userId)
      const { entry } = input
      let questionId: number | null = null
      let questionText: string | null = null
      let correctsId: number | null = null
      if (entry.kind === 'answer') {
        const question = await tx
          .selectFrom('call_questions')
          .select(['id'])
          .where('id', '=', entry.questionId)
          .where('call_id', '=', call.id)
          .executeTakeFirst()
        if (!question) throw new DomainError('not_found')
        const answered = await tx
          .selectFrom('call_answers')
          .select('id')
          .where('question_id', '=', question.id)
          .executeTakeFirst()
        // One published answer per question; changing it takes a correction.
        if (answered) throw new DomainError('answer_immutable')
        questionId = question.id
        questionText = entry.questionText
      } else if (entry.kind === 'correction') {
        const corrected = await tx
          .selectFrom('call_answers')
          .select('id')
          .where('id', '=', entry.correctsId)
          .where('call_id', '=', call.id)
          .executeTakeFirst()
        if (!corrected) throw new DomainError('not_found')
        correctsId = corrected.id
      }
      const at = now()
      const answer = await tx
        .insertInto('call_answers')
        .values({
          call_id: call.id,
          question_id: questionId,
          question_text: questionText,
          body: entry.body,
          corrects_id: correctsId,
          published_by: input.userId,
          published_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: call.organisation_id,
        action: 'call.answer_published',
        entityType: 'call_answer',
        entityId: answer.id,
        after: {
          call_id: call.id,
          kind: entry.kind,
          question_id: questionId,
          corrects_id: correctsId,
        },
        ip: input.ip ?? null,
      })
      const mailed = await notifyCall(tx, 'interested', {
        callId: call.id,
        event: `answer:${answer.id}`,
        template: 'call_answer',
        params: (locale: Locale) => {
          const t = getTranslator(locale)
          const heading =
            entry.kind === 'answer'
              ? t('callPublic.mail.question', { question: questionText ?? '' })
              : entry.kind === 'clarification'
                ? t('callPublic.mail.clarification')
                : t('callPublic.mail.correction')
          return { call: call.title, entry: heading, answer: entry.body, link: callLink(call.id) }
        },
      })
      return { id: answer.id, mailed }
    }),
  )
}

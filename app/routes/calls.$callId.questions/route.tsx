import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { notFound, requireUser } from '~/auth/guards.server'
import { CallDeadline } from '~/components/call-labels'
import { QaList } from '~/components/call-qa'
import { ErrorSummary, SubmitButton, TextareaField } from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { DoneNotice } from '~/components/problem'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { type AnswerInput, getQuestionsPage, publishAnswer } from '~/models/call-questions.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp, oneOf } from '~/utils/request.server'
import {
  answerSchema,
  callIdSchema,
  clarifySchema,
  correctSchema,
  formIdOf,
  NOTICES,
} from './schema'
import callPublicMessages from '~/i18n/messages/call-public'
import callsMessages from '~/i18n/messages/calls'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [callPublicMessages, callsMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('callPublic.answer.title', { call: data.call.title }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const callId = callIdSchema.safeParse(params.callId)
  if (!callId.success) throw notFound()
  const user = await requireUser(request)
  const page = await orNotFound(getQuestionsPage(getDb(), callId.data, user.id))
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    ...page,
    notice: oneOf(NOTICES, notice),
  }
}

const SCHEMAS = { answer: answerSchema, clarify: clarifySchema, correct: correctSchema } as const

export async function action({ request, params, context }: ActionFunctionArgs) {
  const callId = callIdSchema.safeParse(params.callId)
  if (!callId.success) throw notFound()
  const user = await requireUser(request)
  const db = getDb()
  // Only the buyer's members reach the forms; everyone else finds no page here.
  await orNotFound(getQuestionsPage(db, callId.data, user.id))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent !== 'answer' && intent !== 'clarify' && intent !== 'correct') {
    throw data('bad request', { status: 400 })
  }
  const submission = parseWithZod(formData, { schema: SCHEMAS[intent] })
  const target = Number(formData.get(intent === 'answer' ? 'question_id' : 'corrects_id')) || 0
  const form = formIdOf(intent, target)
  if (submission.status !== 'success') {
    return data({ form, result: submission.reply() }, { status: 400 })
  }
  const value = submission.value as
    z.output<typeof answerSchema> | z.output<typeof clarifySchema> | z.output<typeof correctSchema>
  const entry: AnswerInput =
    value.intent === 'answer'
      ? {
          kind: 'answer',
          questionId: value.question_id,
          questionText: value.question_text,
          body: value.body,
        }
      : value.intent === 'correct'
        ? { kind: 'correction', correctsId: value.corrects_id, body: value.body }
        : { kind: 'clarification', body: value.body }
  try {
    await publishAnswer(db, { callId: callId.data, userId: user.id, entry, ip: clientIp(context) })
  } catch (error) {
    return data({ form, result: refusalReply(submission, error) }, { status: 400 })
  }
  return redirect(`/calls/${callId.data}/questions?notice=${intent}`)
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

export default function QuestionsPage() {
  const page = useLoaderData<typeof loader>()
  const { call, open, answers, can_answer: canAnswer, notice } = page
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <>
      {notice ? <DoneNotice>{t(`callPublic.answer.notice.${notice}`)}</DoneNotice> : null}
      <h1>{t('callPublic.answer.title', { call: call.title })}</h1>
      <p>
        <Link to={`/calls/${call.id}`}>{t('callPublic.answer.back')}</Link>
      </p>
      <p>{t('callPublic.answer.intro')}</p>
      <p className="meta">
        <CallDeadline kind="question" at={call.question_deadline} />
        {' · '}
        <CallDeadline kind="answers" at={call.answers_due_at} />
      </p>
      {canAnswer ? null : (
        <div className="notice notice--warn">
          <p>{t('callPublic.answer.tooLate')}</p>
        </div>
      )}

      <section aria-labelledby="open-title">
        <h2 id="open-title">{t('callPublic.answer.open', { count: open.length })}</h2>
        {open.length === 0 ? <p>{t('callPublic.answer.openNone')}</p> : null}
        <ol className="qa-list">
          {open.map((q) => (
            <li key={q.id} className="qa-entry">
              <OpenQuestion question={q} canAnswer={canAnswer} />
            </li>
          ))}
        </ol>
      </section>

      {canAnswer ? (
        <section aria-labelledby="clarify-title">
          <h2 id="clarify-title">{t('callPublic.answer.clarifyTitle')}</h2>
          <p>{t('callPublic.answer.clarifyIntro')}</p>
          <EntryForm intent="clarify" />
        </section>
      ) : null}

      <section aria-labelledby="published-title">
        <h2 id="published-title">{t('callPublic.answer.published')}</h2>
        {answers.length === 0 ? (
          <p>{t('callPublic.qa.none')}</p>
        ) : (
          <>
            <QaList entries={answers} />
            {canAnswer ? (
              <>
                <h3>{t('callPublic.answer.correctTitle')}</h3>
                <p>{t('callPublic.answer.correctIntro')}</p>
                {answers.map((a) => (
                  <details
                    key={a.id}
                    className="call-correct"
                    open={actionData?.form === formIdOf('correct', a.id)}
                  >
                    <summary>{t('callPublic.answer.correctSummary', { number: a.number })}</summary>
                    <EntryForm intent="correct" targetId={a.id} />
                  </details>
                ))}
              </>
            ) : null}
          </>
        )}
      </section>
    </>
  )
}

function OpenQuestion({
  question,
  canAnswer,
}: {
  question: LoaderData['open'][number]
  canAnswer: boolean
}) {
  const t = useT()
  const locale = useLocale()
  return (
    <article aria-labelledby={`question-${question.id}-title`}>
      <h3 id={`question-${question.id}-title`}>
        {t('callPublic.answer.asked', { date: formatDateTime(question.asked_at, locale) })}
      </h3>
      <PlainText text={question.body} />
      {canAnswer ? (
        <EntryForm intent="answer" targetId={question.id} questionText={question.body} />
      ) : null}
    </article>
  )
}

function EntryForm({
  intent,
  targetId,
  questionText,
}: {
  intent: 'answer' | 'clarify' | 'correct'
  targetId?: number
  questionText?: string
}) {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const id = formIdOf(intent, targetId)
  const schema =
    intent === 'answer' ? answerSchema : intent === 'clarify' ? clarifySchema : correctSchema
  const [form, fields] = useForm({
    id,
    lastResult: actionData?.form === id ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { question_text: questionText },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const all = fields as unknown as Record<
    'question_text' | 'body',
    Parameters<typeof TextareaField>[0]['meta']
  >
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value={intent} />
      {intent === 'answer' ? (
        <>
          <input type="hidden" name="question_id" value={targetId} />
          <TextareaField
            meta={all.question_text}
            label={t('callPublic.answer.questionText')}
            hint={t('callPublic.answer.questionTextHint')}
          />
        </>
      ) : null}
      {intent === 'correct' ? <input type="hidden" name="corrects_id" value={targetId} /> : null}
      <TextareaField
        meta={all.body}
        label={t(
          intent === 'answer'
            ? 'callPublic.answer.body'
            : intent === 'clarify'
              ? 'callPublic.answer.clarifyBody'
              : 'callPublic.answer.correctBody',
        )}
      />
      <p className="hint">{t('callPublic.answer.publishHint')}</p>
      <SubmitButton>
        {t(
          intent === 'answer'
            ? 'callPublic.answer.submit'
            : intent === 'clarify'
              ? 'callPublic.answer.clarifySubmit'
              : 'callPublic.answer.correctSubmit',
        )}
      </SubmitButton>
    </Form>
  )
}

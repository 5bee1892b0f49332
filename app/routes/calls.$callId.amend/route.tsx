import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { notFound, requireUser } from '~/auth/guards.server'
import { CriterionRows } from '~/components/call-form'
import { CallDeadline } from '~/components/call-labels'
import {
  ChoiceGroup,
  ErrorSummary,
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { formatDateTime } from '~/i18n/format'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import { audienceSize } from '~/models/call-notifications.server'
import { listCallDocuments } from '~/models/call-documents.server'
import { amendCall } from '~/models/call-amendments.server'
import { getCallForBuyer, getCallTerms } from '~/models/calls.server'
import { ANSWER_MARGIN_SECONDS } from '~/utils/call-status'
import {
  AMENDMENT_ROWS,
  type AmendmentInput,
  type AmendmentValue,
  amendmentSchema,
  callIdSchema,
} from '~/utils/call-schema'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusal, refusalReply } from '~/utils/domain-errors.server'
import { parseUploadForm, type StoredDocument, storeDocument } from '~/utils/file-store.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import callAuthoringMessages from '~/i18n/messages/call-authoring'
import callsMessages from '~/i18n/messages/calls'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'

export const handle = {
  i18n: [callAuthoringMessages, callsMessages, cpvMessages, errorsMessages, organisationsMessages],
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('callEdit.amend.title', { title: data.call.title }) : t('notFound.title'),
  )

/** A published call of the user's organisation; drafts are edited instead, others are 404. */
async function loadForMember(request: Request, params: { callId?: string }) {
  const user = await requireUser(request)
  const id = callIdSchema.safeParse(params.callId)
  if (!id.success) throw notFound()
  const { call, buyer } = await orNotFound(getCallForBuyer(getDb(), id.data, user.id))
  if (call.status === 'draft') throw notFound()
  const [terms, documents] = await Promise.all([
    getCallTerms(getDb(), call.id),
    listCallDocuments(getDb(), call.id),
  ])
  const criteria = [...terms.requirements, ...terms.criteria]
  const current = documents.filter((d) => !d.superseded)
  return { user, call, buyer, criteria, documents: current }
}

function schemaFor(loaded: {
  criteria: ReadonlyArray<{ id: number }>
  documents: ReadonlyArray<{ id: number }>
  dialogue: boolean
}) {
  return amendmentSchema({
    criteriaIds: loaded.criteria.map((c) => c.id),
    documentIds: loaded.documents.map((d) => d.id),
    dialogue: loaded.dialogue,
  })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { call, buyer, criteria, documents } = await loadForMember(request, params)
  const at = now()
  return {
    call: {
      id: call.id,
      title: call.title,
      question_deadline: call.question_deadline,
      tender_deadline: call.tender_deadline,
    },
    buyerSlug: buyer.slug,
    open: call.status === 'published' && at < call.tender_deadline,
    late: at > call.tender_deadline - ANSWER_MARGIN_SECONDS,
    earliestExtension: Math.max(call.tender_deadline + 60, at + ANSWER_MARGIN_SECONDS),
    dialogue: call.procedure === 'market_dialogue',
    criteria,
    documents,
    audience: await audienceSize(getDb(), call.id, 'interested'),
  }
}

/** Rule errors that belong to one field, so the summary links straight to it. */
const FIELD_OF: Partial<Record<string, string>> = {
  extension_required: 'tender_deadline',
  deadline_shortened: 'tender_deadline',
  weights_not_100: 'new_criteria',
  dialogue_not_scored: 'new_criteria',
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const loaded = await loadForMember(request, params)
  const { user, call } = loaded
  const db = getDb()
  let formData: FormData
  try {
    formData = await parseUploadForm(request)
  } catch (error) {
    const result: SubmissionResult<string[]> = {
      status: 'error',
      error: { file: [refusal(error).messageKey] },
    }
    return data({ result }, { status: 400 })
  }
  const schema = schemaFor({ ...loaded, dialogue: call.procedure === 'market_dialogue' })
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })

  const file = formData.get('file')
  const hasFile = file instanceof File && !(file.size === 0 && !file.name)
  const title = submission.value.document_title ?? ''
  if (hasFile !== title.length > 0) {
    const field = hasFile ? 'document_title' : 'file'
    const message = hasFile ? 'callEdit.error.documentTitle' : 'callEdit.error.fileRequired'
    return data(
      { result: submission.reply({ fieldErrors: { [field]: [message] } }) },
      { status: 400 },
    )
  }
  try {
    const newDocuments: { title: string; file: StoredDocument }[] = []
    if (hasFile) {
      try {
        newDocuments.push({ title, file: await storeDocument(file) })
      } catch (error) {
        const reply = submission.reply({ fieldErrors: { file: [refusal(error).messageKey] } })
        return data({ result: reply }, { status: 400 })
      }
    }
    await amendCall(db, {
      callId: call.id,
      userId: user.id,
      input: { ...submission.value, new_documents: newDocuments },
      ip: clientIp(context),
    })
    return redirect(`/calls/${call.id}/edit?notice=amended`)
  } catch (error) {
    return data({ result: refusalReply(submission, error, FIELD_OF) }, { status: 400 })
  }
}

function blankRows() {
  return Array.from({ length: AMENDMENT_ROWS }, () => ({}))
}

export default function AmendCall() {
  const loaded = useLoaderData<typeof loader>()
  const { call } = loaded
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const schema = useMemo(() => schemaFor(loaded), [loaded])
  const [form, fields] = useForm<AmendmentInput, AmendmentValue>({
    id: 'amendment',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      question_deadline: toStockholmDateTimeInput(call.question_deadline),
      tender_deadline: toStockholmDateTimeInput(call.tender_deadline),
      new_requirements: blankRows(),
      new_criteria: blankRows(),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const fileErrors = form.allErrors.file ?? []
  return (
    <>
      <h1>{t('callEdit.amend.heading', { title: call.title })}</h1>
      <p>
        <Link to={`/calls/${call.id}/edit`}>{t('callEdit.amend.back')}</Link>
      </p>
      {!loaded.open ? (
        <p>{t('callEdit.amend.closed')}</p>
      ) : (
        <>
          <p className="lead">{t('callEdit.amend.lead')}</p>
          <ul className="plain-list">
            <li>
              <CallDeadline kind="question" at={call.question_deadline} />
            </li>
            <li>
              <CallDeadline kind="tender" at={call.tender_deadline} />
            </li>
          </ul>
          <div className={loaded.late ? 'notice notice--warn' : 'notice'}>
            <p>
              {t('callEdit.amend.extensionRule', {
                date: formatDateTime(loaded.earliestExtension, locale),
              })}
            </p>
            {loaded.late ? <p>{t('callEdit.amend.late')}</p> : null}
          </div>
          <p>{t('callEdit.amend.audience', { count: loaded.audience })}</p>
          <Form
            method="post"
            encType="multipart/form-data"
            {...getFormProps(form)}
            className="stack"
          >
            <ErrorSummary form={form} />
            <TextareaField
              meta={fields.summary}
              label={t('callEdit.amend.summary')}
              hint={t('callEdit.amend.summaryHint')}
              rows={4}
            />
            <h2>{t('callEdit.amend.deadlines')}</h2>
            <TextField
              width="medium"
              meta={fields.question_deadline}
              label={t('callEdit.field.questionDeadline')}
              hint={t('callEdit.hint.questionDeadline')}
              type="datetime-local"
            />
            <TextField
              width="medium"
              meta={fields.tender_deadline}
              label={t('callEdit.field.tenderDeadline')}
              hint={t('callEdit.amend.tenderHint')}
              type="datetime-local"
            />

            <h2>{t('callEdit.amend.criteria')}</h2>
            {loaded.criteria.length > 0 ? (
              <ChoiceGroup
                meta={fields.retire_criteria}
                type="checkbox"
                legend={t('callEdit.amend.retire')}
                hint={t('callEdit.amend.retireHint')}
                required={false}
                options={loaded.criteria.map((c) => ({
                  value: String(c.id),
                  label:
                    c.weight === null
                      ? `${c.title} (${t('call.kind.requirement')})`
                      : `${c.title} (${t('call.weight', { weight: c.weight })})`,
                }))}
              />
            ) : null}
            <CriterionRows
              rows={fields.new_requirements}
              weighted={false}
              legend={(n) => t('callEdit.amend.newRequirement', { n })}
            />
            {loaded.dialogue ? null : (
              <CriterionRows
                rows={fields.new_criteria}
                weighted
                legend={(n) => t('callEdit.amend.newCriterion', { n })}
              />
            )}

            <h2>{t('callEdit.amend.documents')}</h2>
            {loaded.documents.length > 0 ? (
              <ChoiceGroup
                meta={fields.remove_documents}
                type="checkbox"
                legend={t('callEdit.amend.removeDocuments')}
                required={false}
                options={loaded.documents.map((d) => ({
                  value: String(d.id),
                  label: `${d.title} (${d.file_name})`,
                }))}
              />
            ) : null}
            <TextField
              meta={fields.document_title}
              label={t('callEdit.amend.documentTitle')}
              required={false}
            />
            <div className={fileErrors.length ? 'field field--invalid' : 'field'}>
              <label htmlFor="amendment-file">
                {t('callEdit.documents.file')}
                <span className="optional"> ({t('form.optional')})</span>
              </label>
              <p className="hint" id="amendment-file-hint">
                {t('callEdit.documents.fileHint')}
              </p>
              {fileErrors.length ? (
                <p className="field-error" id="amendment-file-error">
                  {fileErrors.map((e) => translateError(t, e)).join(' ')}
                </p>
              ) : null}
              <input
                type="file"
                id="amendment-file"
                name="file"
                className="input"
                aria-describedby={
                  fileErrors.length
                    ? 'amendment-file-hint amendment-file-error'
                    : 'amendment-file-hint'
                }
                aria-invalid={fileErrors.length ? true : undefined}
              />
            </div>
            <div className="actions">
              <SubmitButton>{t('callEdit.amend.submit')}</SubmitButton>
            </div>
          </Form>
        </>
      )}
    </>
  )
}

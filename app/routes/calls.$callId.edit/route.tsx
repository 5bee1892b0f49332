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
import { callDefaults, CallFormFields } from '~/components/call-form'
import { CallDeadline, CallStatusBadge, ProcedureLabel } from '~/components/call-labels'
import { DraftPublishControls } from '~/components/draft-publish-controls'
import { InitiativeLinkSection } from '~/components/initiative-link'
import { ErrorSummary, SubmitButton, TextField } from '~/components/forms'
import { DoneNotice, ProblemBox } from '~/components/problem'
import { formatNumber } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import type { MessageKey } from '~/i18n/messages'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import {
  addDraftDocument,
  listCallDocuments,
  removeDraftDocument,
} from '~/models/call-documents.server'
import {
  deleteDraftCall,
  getCallForEditing,
  getCallFormOptions,
  publishCall,
  updateCallDraft,
} from '~/models/call-drafts.server'
import { findUnknownCpv, getCpvLabels } from '~/models/cpv.server'
import { shownCallStatus } from '~/utils/call-status'
import {
  type CallDraftInput,
  type CallDraftValue,
  callDraftSchema,
  draftIntentSchema,
  removeDocumentSchema,
} from '~/utils/call-schema'
import { now } from '~/utils/clock.server'
import { unknownCpvMessage } from '~/utils/cpv'
import { getInitiativeLink } from '~/models/initiative-owners.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusal, refusalReply } from '~/utils/domain-errors.server'
import { parseUploadForm, storeDocument } from '~/utils/file-store.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { callIdSchema, readNotice, uploadSchema } from './schema'
import callAuthoringMessages from '~/i18n/messages/call-authoring'
import callsMessages from '~/i18n/messages/calls'
import initiativesMessages from '~/i18n/messages/initiatives'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'

export const handle = {
  i18n: [
    callAuthoringMessages,
    callsMessages,
    cpvMessages,
    errorsMessages,
    initiativesMessages,
    organisationsMessages,
  ],
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('callEdit.edit.title', { title: data.call.title }) : t('notFound.title'),
  )

/** The call behind the address, for a member of its buyer; everyone else gets 404. */
async function loadForMember(request: Request, params: { callId?: string }) {
  const user = await requireUser(request)
  const id = callIdSchema.safeParse(params.callId)
  if (!id.success) throw notFound()
  return { user, ...(await orNotFound(getCallForEditing(getDb(), id.data, user.id))) }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const editing = await loadForMember(request, params)
  const db = getDb()
  const locale = getLocale(request)
  const url = new URL(request.url)
  const { call, buyer } = editing
  const draft = call.status === 'draft'
  const options = await getCallFormOptions(db, buyer.id, locale, call.id)
  const at = now()
  return {
    call: {
      id: call.id,
      title: call.title,
      status: call.status,
      procedure: call.procedure,
      question_deadline: call.question_deadline,
      tender_deadline: call.tender_deadline,
    },
    shown: shownCallStatus(call, at),
    amendable: call.status === 'published' && at < call.tender_deadline,
    buyer: {
      slug: buyer.slug,
      name: buyer.name,
      verified: buyer.verification_status === 'verified',
    },
    defaults: draft ? callDefaults(editing, options) : null,
    cpvLabels: draft ? await getCpvLabels(db, editing.cpv, locale) : [],
    options,
    documents: await listCallDocuments(db, call.id),
    notice: readNotice(url.searchParams.get('notice')),
    confirmDelete: draft && url.searchParams.get('confirm') === 'delete',
    initiativeLink: await getInitiativeLink(db, 'calls', call.id),
  }
}

type ActionData = {
  result: SubmissionResult<string[]> | null
  upload: SubmissionResult<string[]> | null
  problem: MessageKey | null
}

function problem(key: MessageKey) {
  return data<ActionData>({ result: null, upload: null, problem: key }, { status: 400 })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, call, buyer } = await loadForMember(request, params)
  const db = getDb()
  const ip = clientIp(context)
  const here = `/calls/${call.id}/edit`
  let formData: FormData
  try {
    formData = await parseUploadForm(request)
  } catch (error) {
    return problem(refusal(error).messageKey)
  }
  const parsed = draftIntentSchema.safeParse({ intent: formData.get('intent') })
  if (!parsed.success) throw data('bad request', { status: 400 })
  const intent = parsed.data.intent

  try {
    if (intent === 'publish') {
      await publishCall(db, { callId: call.id, userId: user.id, ip })
      return redirect(`${here}?notice=published`)
    }
    if (intent === 'delete') {
      const { buyerSlug } = await deleteDraftCall(db, { callId: call.id, userId: user.id, ip })
      return redirect(`/organisations/${buyerSlug}/calls?notice=deleted`)
    }
    if (intent === 'remove_document') {
      const doc = removeDocumentSchema.safeParse({ document_id: formData.get('document_id') })
      if (!doc.success) throw notFound()
      await removeDraftDocument(db, {
        callId: call.id,
        userId: user.id,
        documentId: doc.data.document_id,
        ip,
      })
      return redirect(`${here}?notice=removed`)
    }
    if (intent === 'upload') {
      const submission = parseWithZod(formData, { schema: uploadSchema })
      const file = formData.get('file')
      const noFile = !(file instanceof File) || (file.size === 0 && !file.name)
      if (submission.status !== 'success' || noFile) {
        const reply = submission.reply({
          fieldErrors: noFile ? { file: ['callEdit.error.fileRequired'] } : {},
        })
        return data<ActionData>({ result: null, upload: reply, problem: null }, { status: 400 })
      }
      try {
        const stored = await storeDocument(file)
        await addDraftDocument(db, {
          callId: call.id,
          userId: user.id,
          title: submission.value.title,
          file: stored,
          ip,
        })
      } catch (error) {
        const reply = submission.reply({ fieldErrors: { file: [refusal(error).messageKey] } })
        return data<ActionData>({ result: null, upload: reply, problem: null }, { status: 400 })
      }
      return redirect(`${here}?notice=uploaded`)
    }
  } catch (error) {
    return problem(refusal(error).messageKey)
  }

  // intent === 'save'
  if (call.status !== 'draft') return problem('errors.domain.terms_frozen')
  const options = await getCallFormOptions(db, buyer.id, getLocale(request), call.id)
  const submission = parseWithZod(formData, { schema: callDraftSchema(options) })
  if (submission.status !== 'success') {
    return data<ActionData>(
      { result: submission.reply(), upload: null, problem: null },
      { status: 400 },
    )
  }
  const unknown = await findUnknownCpv(db, submission.value.cpv_codes)
  if (unknown.length > 0) {
    const result = submission.reply({ fieldErrors: { cpv_codes: [unknownCpvMessage(unknown)] } })
    return data<ActionData>({ result, upload: null, problem: null }, { status: 400 })
  }
  try {
    await updateCallDraft(db, { callId: call.id, userId: user.id, input: submission.value, ip })
    return redirect(`${here}?notice=saved`)
  } catch (error) {
    const result = refusalReply(submission, error)
    return data<ActionData>({ result, upload: null, problem: null }, { status: 400 })
  }
}

export default function EditCall() {
  const loaded = useLoaderData<typeof loader>()
  const { call, shown, buyer, notice, defaults } = loaded
  const actionData = useActionData<typeof action>()
  const t = useT()
  const draft = call.status === 'draft'
  return (
    <>
      {notice ? <DoneNotice>{t(`callEdit.edit.notice.${notice}`)}</DoneNotice> : null}
      {actionData?.problem ? (
        <ProblemBox
          id="call-problem-title"
          title={t('callEdit.edit.problemTitle')}
          message={t(actionData.problem)}
        />
      ) : null}
      <h1>{t('callEdit.edit.heading', { title: call.title })}</h1>
      <nav aria-label={t('callEdit.edit.links')}>
        <ul className="actions">
          <li>
            <Link to={`/organisations/${buyer.slug}/calls`}>{t('callEdit.edit.toDashboard')}</Link>
          </li>
          {draft ? null : (
            <>
              <li>
                <Link to={`/calls/${call.id}`}>{t('callEdit.edit.toPublic')}</Link>
              </li>
              <li>
                <Link to={`/calls/${call.id}/questions`}>{t('callEdit.edit.toQuestions')}</Link>
              </li>
              {loaded.amendable ? (
                <li>
                  <Link to={`/calls/${call.id}/amend`}>{t('callEdit.edit.toAmend')}</Link>
                </li>
              ) : null}
              <li>
                <Link to={`/calls/${call.id}/evaluation`}>{t('callEdit.edit.toEvaluation')}</Link>
              </li>
            </>
          )}
        </ul>
      </nav>

      <section aria-labelledby="status-heading" className="lifecycle">
        <h2 id="status-heading">{t('callEdit.edit.statusHeading')}</h2>
        <p>
          {t('callEdit.edit.current')} <CallStatusBadge status={shown} />{' '}
          <ProcedureLabel procedure={call.procedure} />
        </p>
        <ul className="plain-list">
          <li>
            <CallDeadline kind="question" at={call.question_deadline} />
          </li>
          <li>
            <CallDeadline kind="tender" at={call.tender_deadline} />
          </li>
        </ul>
        {draft ? (
          <DraftPublishControls
            messages="callEdit.edit"
            verified={buyer.verified}
            confirmDelete={loaded.confirmDelete}
          />
        ) : (
          <p>{t('callEdit.edit.publishedHelp')}</p>
        )}
      </section>

      <InitiativeLinkSection kind="call" id={call.id} link={loaded.initiativeLink} />

      <Documents
        draft={draft}
        documents={loaded.documents}
        lastResult={actionData?.upload ?? undefined}
        callId={call.id}
      />

      {defaults ? (
        <DraftForm
          lastResult={actionData?.result ?? undefined}
          options={loaded.options}
          defaults={defaults}
          cpvLabels={loaded.cpvLabels}
        />
      ) : null}
    </>
  )
}

function DraftForm({
  lastResult,
  options,
  defaults,
  cpvLabels,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  options: Parameters<typeof callDraftSchema>[0] & Parameters<typeof CallFormFields>[0]['options']
  defaults: NonNullable<ReturnType<typeof callDefaults>>
  cpvLabels: ReadonlyArray<{ code: string; label: string }>
}) {
  const t = useT()
  const schema = useMemo(() => callDraftSchema(options), [options])
  const [form, fields] = useForm<CallDraftInput, CallDraftValue>({
    id: 'call',
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <section aria-labelledby="draft-form-heading">
      <h2 id="draft-form-heading">{t('callEdit.edit.formHeading')}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <CallFormFields fields={fields} options={options} cpvLabels={cpvLabels} />
        <div className="actions">
          <SubmitButton name="intent" value="save">
            {t('callEdit.saveDraft')}
          </SubmitButton>
        </div>
      </Form>
    </section>
  )
}

function Documents({
  draft,
  documents,
  lastResult,
  callId,
}: {
  draft: boolean
  documents: ReturnType<typeof useLoaderData<typeof loader>>['documents']
  lastResult: SubmissionResult<string[]> | undefined
  callId: number
}) {
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'document',
    lastResult,
    constraint: getZodConstraint(uploadSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: uploadSchema }),
  })
  const fileErrors = form.allErrors.file ?? []
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('callEdit.documents.heading')}</h2>
      {documents.length === 0 ? (
        <p>{t('callEdit.documents.none')}</p>
      ) : (
        <table>
          <caption>{t('callEdit.documents.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('callEdit.documents.col.title')}</th>
              <th scope="col">{t('callEdit.documents.col.file')}</th>
              <th scope="col">{t('callEdit.documents.col.size')}</th>
              {draft ? <th scope="col">{t('callEdit.documents.col.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <a href={`/calls/${callId}/documents/${d.id}`}>{d.title}</a>
                  {d.superseded ? (
                    <>
                      {' '}
                      <span className="badge badge--muted">
                        {t('callEdit.documents.superseded', { n: d.removed_in ?? 0 })}
                      </span>
                    </>
                  ) : null}
                </th>
                <td>{d.file_name}</td>
                <td>
                  {t('callEdit.documents.kb', {
                    kb: formatNumber(Math.ceil(d.size / 1024), locale),
                  })}
                </td>
                {draft ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="document_id" value={d.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="remove_document"
                        className="button button--secondary"
                        aria-label={t('callEdit.documents.removeFor', { title: d.title })}
                      >
                        {t('callEdit.documents.remove')}
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft ? (
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
          <h3>{t('callEdit.documents.upload')}</h3>
          <ErrorSummary form={form} />
          <TextField meta={fields.title} label={t('callEdit.documents.title')} />
          <div className={fileErrors.length ? 'field field--invalid' : 'field'}>
            <label htmlFor="document-file">{t('callEdit.documents.file')}</label>
            <p className="hint" id="document-file-hint">
              {t('callEdit.documents.fileHint')}
            </p>
            {fileErrors.length ? (
              <p className="field-error" id="document-file-error">
                {fileErrors.map((e) => translateError(t, e)).join(' ')}
              </p>
            ) : null}
            <input
              type="file"
              id="document-file"
              name="file"
              className="input"
              aria-describedby={
                fileErrors.length ? 'document-file-hint document-file-error' : 'document-file-hint'
              }
              aria-invalid={fileErrors.length ? true : undefined}
            />
          </div>
          <div className="actions">
            <SubmitButton name="intent" value="upload">
              {t('callEdit.documents.uploadSubmit')}
            </SubmitButton>
          </div>
        </Form>
      ) : null}
    </section>
  )
}

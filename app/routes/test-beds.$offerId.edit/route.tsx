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
import type { OfferStatus } from '#db/schema'
import { notFound, requireUser } from '~/auth/guards.server'
import { DraftPublishControls } from '~/components/draft-publish-controls'
import { ErrorSummary, SubmitButton, TextareaField } from '~/components/forms'
import { ProblemBox, DoneNotice } from '~/components/problem'
import { OfferStatusBadge } from '~/components/test-bed-labels'
import {
  type FrozenOffer,
  type OfferFormOptionsData,
  offerDefaults,
} from '~/components/test-bed-offer-defaults'
import { OfferFormFields } from '~/components/test-bed-offer-form'
import { getLocale } from '~/i18n/locale.server'
import type { MessageKey } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import {
  changeOfferStatus,
  deleteDraftOffer,
  type OfferAction,
  updateOffer,
} from '~/models/test-bed-offer-editing.server'
import { getOfferForEditing, getOfferFormOptions } from '~/models/test-bed-offers.server'
import { now } from '~/utils/clock.server'
import { InitiativeLinkSection } from '~/components/initiative-link'
import { getInitiativeLink } from '~/models/initiative-owners.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusal, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import {
  type DraftOfferInput,
  type DraftOfferValue,
  draftOfferSchema,
  EDITABLE_STATUSES,
  type PublishedOfferInput,
  type PublishedOfferValue,
  publishedOfferSchema,
} from '~/utils/test-bed-offer-schema'
import { lifecycleSchema, type Notice, offerIdSchema, readNotice } from './schema'
import errorsMessages from '~/i18n/messages/errors'
import initiativesMessages from '~/i18n/messages/initiatives'
import offersMessages from '~/i18n/messages/offers'
import organisationsMessages from '~/i18n/messages/organisations'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = {
  i18n: [
    errorsMessages,
    initiativesMessages,
    offersMessages,
    organisationsMessages,
    testbedsMessages,
  ],
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t('offers.edit.title') : t('notFound.title')))

/** The offer behind the address, for a member of its host; everyone else gets 404. */
async function loadForMember(request: Request, params: { offerId?: string }) {
  const user = await requireUser(request)
  const id = offerIdSchema.safeParse(params.offerId)
  if (!id.success) throw notFound()
  return { user, ...(await orNotFound(getOfferForEditing(getDb(), id.data, user.id))) }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { offer, host, themes, criteria } = await loadForMember(request, params)
  const url = new URL(request.url)
  return {
    offer,
    host,
    themes,
    criteria,
    deadlineOpen: offer.intake === 'round' && offer.deadline !== null && offer.deadline > now(),
    options: await getOfferFormOptions(getDb(), getLocale(request)),
    notice: readNotice(url.searchParams.get('notice')),
    confirmDelete: offer.status === 'draft' && url.searchParams.get('confirm') === 'delete',
    initiativeLink: await getInitiativeLink(getDb(), 'test_bed_offers', offer.id),
  }
}

type ActionData = { result: SubmissionResult<string[]> | null; problem: MessageKey | null }

const ACTION_NOTICE: Record<OfferAction, Notice> = {
  publish: 'published',
  pause: 'paused',
  resume: 'resumed',
  close: 'closed',
  archive: 'archived',
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, offer } = await loadForMember(request, params)
  const db = getDb()
  const ip = clientIp(context)
  const here = `/test-beds/${offer.id}/edit`
  const formData = await request.formData()

  if (formData.get('intent') !== 'save') {
    const parsed = lifecycleSchema.safeParse({ intent: formData.get('intent') })
    if (!parsed.success) throw data('bad request', { status: 400 })
    const intent = parsed.data.intent
    try {
      if (intent === 'delete') {
        const { hostSlug } = await deleteDraftOffer(db, { offerId: offer.id, userId: user.id, ip })
        return redirect(`/organisations/${hostSlug}/test-beds?notice=deleted`)
      }
      await changeOfferStatus(db, { offerId: offer.id, userId: user.id, action: intent, ip })
      return redirect(`${here}?notice=${ACTION_NOTICE[intent]}`)
    } catch (error) {
      return data<ActionData>({ result: null, problem: refusal(error).messageKey }, { status: 400 })
    }
  }

  const options = await getOfferFormOptions(db, getLocale(request))
  const submission =
    offer.status === 'draft'
      ? parseWithZod(formData, { schema: draftOfferSchema(options) })
      : parseWithZod(formData, {
          schema: publishedOfferSchema(options, { intake: offer.intake, deadline: offer.deadline }),
        })
  if (submission.status !== 'success') {
    return data<ActionData>({ result: submission.reply(), problem: null }, { status: 400 })
  }
  try {
    await updateOffer(db, { offerId: offer.id, userId: user.id, input: submission.value, ip })
    return redirect(`${here}?notice=saved`)
  } catch (error) {
    const fields = { municipality_not_in_county: 'municipality_code', deadline_frozen: 'deadline' }
    const result = refusalReply(submission, error, fields)
    return data<ActionData>({ result, problem: null }, { status: 400 })
  }
}

/** What a published, paused or closed offer can do next, with the help text shown above. */
const LATER_STEPS: Partial<
  Record<
    OfferStatus,
    {
      help: MessageKey[]
      actions: { intent: string; label: MessageKey; className: string }[]
    }
  >
> = {
  published: {
    help: ['offers.lifecycle.pauseHelp', 'offers.lifecycle.closeHelp'],
    actions: [
      { intent: 'pause', label: 'offers.lifecycle.pause', className: 'button button--secondary' },
      { intent: 'close', label: 'offers.lifecycle.close', className: 'button button--danger' },
    ],
  },
  paused: {
    help: ['offers.lifecycle.closeHelp'],
    actions: [
      { intent: 'resume', label: 'offers.lifecycle.resume', className: 'button' },
      { intent: 'close', label: 'offers.lifecycle.close', className: 'button button--danger' },
    ],
  },
  closed: {
    help: ['offers.lifecycle.archiveHelp'],
    actions: [
      {
        intent: 'archive',
        label: 'offers.lifecycle.archive',
        className: 'button button--secondary',
      },
    ],
  },
}

export default function EditOffer() {
  const {
    offer,
    host,
    themes,
    criteria,
    deadlineOpen,
    options,
    notice,
    confirmDelete,
    initiativeLink,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const published = offer.status !== 'draft'
  const editable = EDITABLE_STATUSES.includes(offer.status)
  const defaults = offerDefaults(offer, themes, criteria)
  return (
    <>
      {notice ? <DoneNotice>{t(`offers.edit.notice.${notice}`)}</DoneNotice> : null}
      {actionData?.problem ? (
        <ProblemBox
          id="offer-problem-title"
          title={t('offers.edit.error.title')}
          message={t(actionData.problem)}
        />
      ) : null}
      <h1>{t('offers.edit.heading', { title: offer.title })}</h1>
      <nav aria-label={t('offers.edit.links')}>
        <ul className="actions">
          <li>
            <Link to={`/organisations/${host.slug}/test-beds`}>{t('offers.edit.toDashboard')}</Link>
          </li>
          {published ? (
            <>
              <li>
                <Link to={`/test-beds/${offer.id}`}>{t('offers.edit.toPublic')}</Link>
              </li>
              <li>
                <Link to={`/test-beds/${offer.id}/history`}>{t('offers.edit.toHistory')}</Link>
              </li>
              <li>
                <Link to={`/test-beds/${offer.id}/applications`}>
                  {t('offers.edit.toApplications')}
                </Link>
              </li>
            </>
          ) : null}
        </ul>
      </nav>

      <Lifecycle
        status={offer.status}
        verified={host.verification_status === 'verified'}
        confirmDelete={confirmDelete}
      />

      <InitiativeLinkSection kind="offer" id={offer.id} link={initiativeLink} />

      {editable ? (
        <>
          <h2>{t('offers.edit.formHeading')}</h2>
          {published ? (
            <>
              <p>{t('offers.edit.publishedHelp')}</p>
              <PublishedForm
                lastResult={actionData?.result ?? undefined}
                options={options}
                defaults={defaults}
                frozen={{
                  intake: offer.intake,
                  deadline: offer.deadline,
                  access_model: offer.access_model,
                  market_value_sek: offer.market_value_sek,
                  price_sek: offer.price_sek,
                  deadlineOpen,
                  criteria,
                }}
              />
            </>
          ) : (
            <DraftForm
              lastResult={actionData?.result ?? undefined}
              options={options}
              defaults={defaults}
            />
          )}
        </>
      ) : (
        <p>{t('offers.edit.closedHelp')}</p>
      )}
    </>
  )
}

type Defaults = ReturnType<typeof offerDefaults>

function DraftForm({
  lastResult,
  options,
  defaults,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  options: OfferFormOptionsData & Parameters<typeof draftOfferSchema>[0]
  defaults: Defaults
}) {
  const t = useT()
  const schema = useMemo(() => draftOfferSchema(options), [options])
  const [form, fields] = useForm<DraftOfferInput, DraftOfferValue>({
    id: 'offer',
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <OfferFormFields fields={fields} options={options} frozen={null} headingLevel={3} />
      <div className="actions">
        <SubmitButton name="intent" value="save">
          {t('offers.edit.saveDraft')}
        </SubmitButton>
      </div>
    </Form>
  )
}

function PublishedForm({
  lastResult,
  options,
  defaults,
  frozen,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  options: OfferFormOptionsData & Parameters<typeof draftOfferSchema>[0]
  defaults: Defaults
  frozen: FrozenOffer
}) {
  const t = useT()
  const schema = useMemo(
    () => publishedOfferSchema(options, { intake: frozen.intake, deadline: frozen.deadline }),
    [options, frozen.intake, frozen.deadline],
  )
  const [form, fields] = useForm<PublishedOfferInput, PublishedOfferValue>({
    id: 'offer',
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <OfferFormFields fields={fields} options={options} frozen={frozen} headingLevel={3} />
      <h3>{t('offers.form.section.change')}</h3>
      <TextareaField
        meta={fields.change_note}
        label={t('offers.form.changeNote')}
        hint={t('offers.form.changeNoteHint')}
        required={false}
        rows={3}
      />
      <div className="actions">
        <SubmitButton name="intent" value="save">
          {t('offers.edit.saveChanges')}
        </SubmitButton>
      </div>
    </Form>
  )
}

/** Publish, pause, resume, close, archive or delete: each its own small form that works without JS. */
function Lifecycle({
  status,
  verified,
  confirmDelete,
}: {
  status: OfferStatus
  verified: boolean
  confirmDelete: boolean
}) {
  const t = useT()
  return (
    <section aria-labelledby="lifecycle-heading" className="lifecycle">
      <h2 id="lifecycle-heading">{t('offers.lifecycle.heading')}</h2>
      <p>
        {t('offers.lifecycle.current')} <OfferStatusBadge status={status} />
      </p>
      {status === 'draft' ? (
        <DraftPublishControls
          messages="offers.lifecycle"
          verified={verified}
          confirmDelete={confirmDelete}
        />
      ) : null}
      {LATER_STEPS[status] ? (
        <>
          {LATER_STEPS[status].help.map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
          <Form method="post" className="actions">
            {LATER_STEPS[status].actions.map((step) => (
              <button
                key={step.intent}
                type="submit"
                name="intent"
                value={step.intent}
                className={step.className}
              >
                {t(step.label)}
              </button>
            ))}
          </Form>
        </>
      ) : null}
    </section>
  )
}

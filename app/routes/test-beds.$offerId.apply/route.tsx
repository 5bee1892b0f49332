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
import { useMemo } from 'react'
import { notFound, requireUser } from '~/auth/guards.server'
import { ChooseCompany } from '~/components/choose-company'
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { ProblemBox, DoneNotice } from '~/components/problem'
import { ApplicationStatusBadge, IntakeLabel, TrlRange } from '~/components/test-bed-labels'
import { formatDateTime } from '~/i18n/format'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import { saveDraft, submitApplication } from '~/models/pilot-application-submission.server'
import { getApplyContext, getOfferForApplying } from '~/models/pilot-applications.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { applicationSchema, companyParamSchema, idParamSchema, toSeconds } from './schema'
import applicationsMessages from '~/i18n/messages/applications'
import errorsMessages from '~/i18n/messages/errors'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = { i18n: [applicationsMessages, errorsMessages, testbedsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('applications.apply.title', { offer: data.offer.title }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const offerId = idParamSchema.safeParse(params.offerId)
  if (!offerId.success) throw notFound()
  const url = new URL(request.url)
  const companySlug = companyParamSchema.parse(url.searchParams.get('company') ?? undefined)
  const context = await orNotFound(
    getApplyContext(getDb(), { offerId: offerId.data, userId: user.id, companySlug }),
  )
  const content = context.application?.content
  return {
    ...context,
    // The form's starting values: the company's draft, as the inputs write them.
    defaults: content
      ? {
          company: context.company?.slug,
          product_name: content.product_name,
          product_description: content.product_description,
          trl: content.trl === null ? undefined : String(content.trl),
          test_goals: content.test_goals,
          proposed_start:
            content.proposed_start === null
              ? undefined
              : toStockholmDateInput(content.proposed_start),
          proposed_end:
            content.proposed_end === null ? undefined : toStockholmDateInput(content.proposed_end),
          test_user_count:
            content.test_user_count === null ? undefined : String(content.test_user_count),
          test_user_description: content.test_user_description,
          data_needs: content.data_needs,
          contribution: content.contribution,
          declares_requirements: content.declares_requirements ? 'on' : undefined,
          declares_no_conflict: content.declares_no_conflict ? 'on' : undefined,
        }
      : { company: context.company?.slug },
    notice: url.searchParams.get('notice') === 'saved' ? ('saved' as const) : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const offerId = idParamSchema.safeParse(params.offerId)
  if (!offerId.success) throw notFound()
  const db = getDb()
  const offer = await getOfferForApplying(db, offerId.data)
  if (!offer) throw notFound()
  const formData = await request.formData()
  const submission = parseWithZod(formData, {
    schema: applicationSchema({ min: offer.trl_min, max: offer.trl_max }),
  })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { intent, company, proposed_start, proposed_end, ...rest } = submission.value
  const options = {
    offerId: offer.id,
    userId: user.id,
    companySlug: company,
    content: {
      ...rest,
      proposed_start: toSeconds(proposed_start),
      proposed_end: toSeconds(proposed_end),
    },
    ip: clientIp(context),
  }
  try {
    if (intent === 'submit') {
      const { id } = await submitApplication(db, options)
      return redirect(`/applications/${id}?notice=submitted`)
    }
    const saved = await saveDraft(db, options)
    const query = new URLSearchParams({ company: saved.companySlug, notice: 'saved' })
    return redirect(`/test-beds/${offer.id}/apply?${query}`)
  } catch (error) {
    const reply = refusalReply(submission, error, { trl_out_of_range: 'trl' })
    return data({ result: reply }, { status: 400 })
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

export default function Apply() {
  const loaderData = useLoaderData<typeof loader>()
  const { offer, companies, company, application } = loaderData
  const actionData = useActionData<typeof action>()
  const t = useT()
  const showForm = company && (!application || application.status === 'draft') && offer.open
  // A refusal (deadline passed, already submitted) when the page no longer shows the form.
  const problem = showForm ? undefined : actionData?.result.error?.['']?.[0]
  if (companies.length === 0) {
    return (
      <>
        <h1>{t('applications.apply.noCompany.title')}</h1>
        <p>{t('applications.apply.noCompany.body')}</p>
        <p>
          <Link to="/organisations/new">{t('applications.apply.noCompany.register')}</Link>
        </p>
        <p>
          <Link to={`/test-beds/${offer.id}`}>
            {t('applications.apply.backToOffer', { offer: offer.title })}
          </Link>
        </p>
      </>
    )
  }
  return (
    <>
      {loaderData.notice === 'saved' ? (
        <DoneNotice>{t('applications.apply.notice.saved')}</DoneNotice>
      ) : null}
      {problem ? (
        <ProblemBox
          id="apply-error-title"
          title={t('applications.error.title')}
          message={translateError(t, problem)}
        />
      ) : null}
      <h1>{t('applications.apply.title', { offer: offer.title })}</h1>
      <OfferFacts offer={offer} />
      {!company ? (
        <ChooseCompany
          companies={companies}
          legend={t('applications.apply.chooseCompany.legend')}
          submit={t('applications.apply.chooseCompany.submit')}
        />
      ) : application && application.status !== 'draft' ? (
        <div className="notice notice--warn">
          <p>
            {t('applications.apply.existing', { company: company.name })}{' '}
            <ApplicationStatusBadge status={application.status} />
          </p>
          <p>
            <Link to={`/applications/${application.id}`}>
              {t('applications.apply.existingLink')}
            </Link>
          </p>
        </div>
      ) : !offer.open ? (
        <div className="notice notice--warn">
          <p>{t('applications.apply.closed')}</p>
          {application ? (
            <p>
              <Link to={`/applications/${application.id}`}>
                {t('applications.apply.draftLink')}
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        <ApplicationForm data={loaderData} company={company} />
      )}
    </>
  )
}

function OfferFacts({ offer }: { offer: LoaderData['offer'] }) {
  const t = useT()
  return (
    <>
      <dl className="details">
        <dt>{t('applications.offer.host')}</dt>
        <dd>{offer.host_name}</dd>
        <dt>{t('applications.offer.intake')}</dt>
        <dd>
          <IntakeLabel intake={offer.intake} deadline={offer.deadline} />
        </dd>
        <dt>{t('applications.offer.trl')}</dt>
        <dd>
          <TrlRange min={offer.trl_min} max={offer.trl_max} />
        </dd>
      </dl>
      <p>
        <Link to={`/test-beds/${offer.id}`}>
          {t('applications.apply.backToOffer', { offer: offer.title })}
        </Link>
      </p>
    </>
  )
}

function ApplicationForm({
  data: { offer, companies, application, defaults },
  company,
}: {
  data: LoaderData
  company: NonNullable<LoaderData['company']>
}) {
  const t = useT()
  const locale = useLocale()
  const actionData = useActionData<typeof action>()
  const schema = useMemo(
    () => applicationSchema({ min: offer.trl_min, max: offer.trl_max }),
    [offer.trl_min, offer.trl_max],
  )
  const [form, fields] = useForm({
    id: 'application',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const requirements = [
    offer.requires_ce_marking ? t('applications.requirement.ce_marking') : null,
    offer.requires_dpia ? t('applications.requirement.dpia') : null,
    offer.requires_insurance ? t('applications.requirement.insurance') : null,
  ].filter((r): r is string => r !== null)
  const trlOptions = Array.from({ length: 9 }, (_, i) => ({
    value: String(i + 1),
    label: t('applications.field.trlOption', { level: i + 1 }),
  }))
  return (
    <>
      <p>
        {t('applications.apply.applyingAs', { company: company.name })}
        {companies.length > 1 ? (
          <>
            {' '}
            <Link to={`/test-beds/${offer.id}/apply`}>{t('applications.apply.changeCompany')}</Link>
          </>
        ) : null}
      </p>
      {application ? (
        <p>
          {t('applications.apply.continuing', {
            time: formatDateTime(application.updated_at, locale),
          })}{' '}
          <Link to={`/applications/${application.id}`}>{t('applications.apply.draftLink')}</Link>
        </p>
      ) : null}
      <p>{t('applications.apply.lead')}</p>

      {offer.criteria.length > 0 ? (
        <>
          <h2>{t('applications.section.criteria')}</h2>
          <ol>
            {offer.criteria.map((c) => (
              <li key={c.id}>
                {c.title} <span className="meta">({t(`testBed.criterion.kind.${c.kind}`)})</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}

      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="company" value={company.slug} />

        <h2>{t('applications.section.product')}</h2>
        <TextField meta={fields.product_name} label={t('applications.field.product_name')} />
        <TextareaField
          meta={fields.product_description}
          label={t('applications.field.product_description')}
        />
        <SelectField
          meta={fields.trl}
          label={t('applications.field.trl')}
          hint={t('applications.field.trlHint', { min: offer.trl_min, max: offer.trl_max })}
          options={trlOptions}
        />

        <h2>{t('applications.section.test')}</h2>
        <TextareaField
          meta={fields.test_goals}
          label={t('applications.field.test_goals')}
          hint={t('applications.field.test_goalsHint')}
        />
        <TextField
          type="date"
          width="medium"
          meta={fields.proposed_start}
          label={t('applications.field.proposed_start')}
          hint={t('applications.field.dateHint')}
        />
        <TextField
          type="date"
          width="medium"
          meta={fields.proposed_end}
          label={t('applications.field.proposed_end')}
          hint={t('applications.field.dateHint')}
        />

        <h2>{t('applications.section.users')}</h2>
        <TextField
          meta={fields.test_user_count}
          label={t('applications.field.test_user_count')}
          type="number"
          inputMode="numeric"
          width="short"
        />
        <TextareaField
          meta={fields.test_user_description}
          label={t('applications.field.test_user_description')}
          hint={t('applications.field.test_user_descriptionHint')}
        />
        <TextareaField
          meta={fields.data_needs}
          label={t('applications.field.data_needs')}
          hint={t('applications.field.data_needsHint')}
        />

        <h2>{t('applications.section.contribution')}</h2>
        <TextareaField
          meta={fields.contribution}
          label={t('applications.field.contribution')}
          hint={t('applications.field.contributionHint')}
        />

        <h2>{t('applications.section.declarations')}</h2>
        {requirements.length > 0 || offer.other_requirements.trim() ? (
          <div className="requirements">
            <p>{t('applications.field.requirementsHint')}</p>
            {requirements.length > 0 ? (
              <ul>
                {requirements.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
            {offer.other_requirements.trim() ? <PlainText text={offer.other_requirements} /> : null}
          </div>
        ) : (
          <p>{t('applications.field.noRequirements')}</p>
        )}
        <CheckboxField
          meta={fields.declares_requirements}
          label={t('applications.field.declares_requirements')}
        />
        <CheckboxField
          meta={fields.declares_no_conflict}
          label={t('applications.field.declares_no_conflict', { host: offer.host_name })}
          hint={t('applications.field.noConflictHint')}
        />

        <p className="hint">{t('applications.submit.help')}</p>
        <div className="actions">
          <SubmitButton name="intent" value="save">
            {t('applications.submit.save')}
          </SubmitButton>
          <SubmitButton name="intent" value="submit">
            {t('applications.submit.send')}
          </SubmitButton>
        </div>
      </Form>
    </>
  )
}

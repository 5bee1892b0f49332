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
import { requireOutreachSender } from '~/auth/outreach-guard.server'
import {
  ChoiceGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { SIZE_CLASSES } from '~/domain/vocabularies'
import { getLocale } from '~/i18n/locale.server'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'
import outreachMessages from '~/i18n/messages/outreach'
import { useT } from '~/i18n/use-t'
import { DomainError } from '~/models/errors.server'
import { type OutreachCounts, previewOutreach, sendOutreach } from '~/models/outreach.server'
import { getOrganisationFormOptions, listThemes } from '~/models/reference.server'
import { getDb } from '~/utils/db.server'
import { refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { outreachSchema } from './schema'

// A new outreach (decision record 032): the message and the criteria, a preview of how many
// companies match (and how many opted out), then one button that sends to all of them. The count
// and criteria the sender saw travel with the send; if either changed, the page previews again.

export const handle = { i18n: [outreachMessages, organisationsMessages, errorsMessages] }

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, (t) => t('outreach.new.title'))

/** The form's choices: the organisation form's places and sectors, and the themes. */
async function formOptions(request: Request) {
  const locale = getLocale(request)
  const [options, themes] = await Promise.all([
    getOrganisationFormOptions(getDb(), locale),
    listThemes(getDb(), locale),
  ])
  return { ...options, themes }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireOutreachSender(request, params)
  const options = await formOptions(request)
  return { org: { slug: org.slug, county_code: org.county_code }, options }
}

interface ActionData {
  result: SubmissionResult<string[]>
  preview: (OutreachCounts & { criteria: string }) | null
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, org } = await requireOutreachSender(request, params)
  const db = getDb()
  const options = await formOptions(request)
  const submission = parseWithZod(await request.formData(), { schema: outreachSchema(options) })
  if (submission.status !== 'success') {
    return data<ActionData>({ result: submission.reply(), preview: null }, { status: 400 })
  }
  const { intent, subject, body, municipality_code, confirmed_count, confirmed_criteria } =
    submission.value
  const criteria = {
    size_classes: submission.value.size_classes,
    sector_codes: submission.value.sector_codes,
    county_code: submission.value.county_code,
    municipality_codes: municipality_code ? [municipality_code] : [],
    theme_codes: submission.value.theme_codes,
  }
  const key = JSON.stringify(criteria)
  const previewAgain = async (status: number, error?: DomainError) => {
    const counts = await previewOutreach(db, criteria)
    return data<ActionData>(
      {
        result: error ? refusalReply(submission, error) : submission.reply(),
        preview: { ...counts, criteria: key },
      },
      { status },
    )
  }
  if (intent === 'preview') return previewAgain(200)
  if (confirmed_count === undefined || confirmed_criteria !== key) {
    return previewAgain(409, new DomainError('outreach_count_changed'))
  }
  try {
    const sent = await sendOutreach(db, {
      organisationId: org.id,
      userId: user.id,
      input: { subject, body, criteria },
      confirmedCount: confirmed_count,
      ip: clientIp(context),
    })
    return redirect(`/organisations/${org.slug}/outreach?sent=${sent.id}`)
  } catch (error) {
    if (error instanceof DomainError && error.code === 'outreach_count_changed') {
      return previewAgain(409, error)
    }
    return data<ActionData>(
      { result: refusalReply(submission, error), preview: null },
      { status: 400 },
    )
  }
}

export default function NewOutreach() {
  const { org, options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const schema = useMemo(() => outreachSchema(options), [options])
  const preview = actionData?.preview ?? null
  const [form, fields] = useForm({
    id: 'outreach',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { county_code: org.county_code },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const county = typeof fields.county_code.value === 'string' ? fields.county_code.value : ''
  return (
    <>
      <h1>{t('outreach.new.title')}</h1>
      <p>
        <Link to={`/organisations/${org.slug}/outreach`}>{t('outreach.new.cancel')}</Link>
      </p>
      <p>{t('outreach.new.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <TextField meta={fields.subject} label={t('outreach.new.subject')} />
        <TextareaField
          meta={fields.body}
          label={t('outreach.new.body')}
          hint={t('outreach.new.bodyHint')}
          rows={8}
        />
        <ChoiceGroup
          meta={fields.size_classes}
          type="checkbox"
          legend={t('outreach.new.sizes')}
          hint={t('outreach.new.sizesHint')}
          options={SIZE_CLASSES.map((s) => ({ value: s, label: t(`org.size.${s}`) }))}
        />
        <ChoiceGroup
          meta={fields.sector_codes}
          type="checkbox"
          required={false}
          legend={t('outreach.new.sectors')}
          hint={t('outreach.new.sectorsHint')}
          options={options.sectors.map((s) => ({ value: s.code, label: `${s.code} – ${s.name}` }))}
        />
        <SelectField
          meta={fields.county_code}
          label={t('outreach.new.county')}
          required={false}
          placeholder={t('outreach.new.countyAll')}
          options={options.counties.map((c) => ({ value: c.code, label: c.name }))}
        />
        <SelectField
          meta={fields.municipality_code}
          label={t('outreach.new.municipality')}
          required={false}
          placeholder={t('outreach.new.municipalityAll')}
          hint={t('outreach.new.municipalityHint')}
          options={options.municipalities
            .filter((m) => !county || m.county_code === county)
            .map((m) => ({ value: m.code, label: m.short_name }))}
        />
        <ChoiceGroup
          meta={fields.theme_codes}
          type="checkbox"
          required={false}
          legend={t('outreach.new.themes')}
          hint={t('outreach.new.themesHint')}
          options={options.themes.map((theme) => ({ value: theme.code, label: theme.name }))}
        />
        <div className="actions">
          <SubmitButton name="intent" value="preview">
            {t('outreach.new.preview')}
          </SubmitButton>
        </div>
        {preview ? (
          <section aria-labelledby="preview-title" className="card">
            <h2 id="preview-title">{t('outreach.new.previewTitle')}</h2>
            <p role="status">
              {preview.recipients > 0
                ? t('outreach.new.previewCounts', {
                    recipients: preview.recipients,
                    matched: preview.matched,
                    optedOut: preview.opted_out,
                  })
                : t('outreach.new.previewNone')}
            </p>
            {preview.recipients > 0 ? (
              <>
                <input type="hidden" name="confirmed_count" value={preview.recipients} />
                <input type="hidden" name="confirmed_criteria" value={preview.criteria} />
                <div className="actions">
                  <SubmitButton name="intent" value="send">
                    {t('outreach.new.send', { count: preview.recipients })}
                  </SubmitButton>
                </div>
              </>
            ) : null}
          </section>
        ) : null}
      </Form>
    </>
  )
}

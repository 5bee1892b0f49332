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
import { ErrorSummary, SubmitButton, TextField } from '~/components/forms'
import {
  IntermediaryTypeField,
  LocationFields,
  ProfileFields,
  PublicBodyTypeField,
  SectorsField,
  SizeClassField,
} from '~/components/organisation-form'
import { VerificationBadge } from '~/components/organisation-labels'
import { formatOrgNumber } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { updateOrganisation } from '~/models/organisations.server'
import { getOrganisationFormOptions } from '~/models/reference.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { getDb } from '~/utils/db.server'
import { refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { ContactSettingsSection } from './contact-settings'
import { contactSettingsSchema, intentSchema, schema, themeInterestsSchema } from './schema'
import { DoneNotice } from '~/components/problem'
import contactsMessages from '~/i18n/messages/contacts'
import errorsMessages from '~/i18n/messages/errors'
import { getContactSettings } from '~/models/contact-reads.server'
import { saveContactSettings } from '~/models/contacts.server'
import organisationsMessages from '~/i18n/messages/organisations'
import outreachMessages from '~/i18n/messages/outreach'
import { OutreachSettingsSection } from './outreach-settings'
import { getOutreachOptOut } from '~/models/outreach.server'
import { getThemeInterests, saveThemeInterests } from '~/models/company-themes.server'
import { listThemes } from '~/models/reference.server'
import { ThemeSettingsSection } from './theme-settings'

export const handle = {
  i18n: [errorsMessages, organisationsMessages, contactsMessages, outreachMessages],
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('orgSettings.title', { name: data.org.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireOrganisationMember(request, params, { role: 'admin' })
  const notice = new URL(request.url).searchParams.get('notice')
  const company = org.kind === 'company'
  return {
    org,
    options: await getOrganisationFormOptions(getDb(), getLocale(request)),
    contactSettings: org.kind === 'company' ? await getContactSettings(getDb(), org.id) : null,
    outreachOptOut: company ? await getOutreachOptOut(getDb(), org.id) : null,
    themes: company
      ? {
          all: await listThemes(getDb(), getLocale(request)),
          chosen: await getThemeInterests(getDb(), org.id),
        }
      : null,
    notice:
      notice === 'saved' || notice === 'review' || notice === 'contacts' || notice === 'themes'
        ? notice
        : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, org } = await requireOrganisationMember(request, params, { role: 'admin' })
  const db = getDb()
  const options = await getOrganisationFormOptions(db, getLocale(request))
  const formData = await request.formData()
  const intent = intentSchema.parse(formData.get('intent'))
  if (intent === 'contacts') {
    // The company's contact-ledger settings: a form of its own (decision record 029).
    const contacts = parseWithZod(formData, { schema: contactSettingsSchema })
    if (contacts.status !== 'success') {
      return data({ contactsResult: contacts.reply() }, { status: 400 })
    }
    try {
      await saveContactSettings(db, {
        companyId: org.id,
        userId: user.id,
        input: contacts.value,
        ip: clientIp(context),
      })
    } catch (error) {
      return data({ contactsResult: refusalReply(contacts, error) }, { status: 400 })
    }
    return redirect(`/organisations/${org.slug}/settings?notice=contacts`)
  }
  if (intent === 'themes' && org.kind === 'company') {
    // The company's theme interests, which an outreach may target (decision record 032).
    const themes = parseWithZod(formData, {
      schema: themeInterestsSchema(await listThemes(db, getLocale(request))),
    })
    if (themes.status !== 'success') return data({ themesResult: themes.reply() }, { status: 400 })
    try {
      await saveThemeInterests(db, {
        companyId: org.id,
        userId: user.id,
        themeCodes: themes.value.theme_codes,
        ip: clientIp(context),
      })
    } catch (error) {
      return data({ themesResult: refusalReply(themes, error) }, { status: 400 })
    }
    return redirect(`/organisations/${org.slug}/settings?notice=themes`)
  }
  const submission = parseWithZod(formData, { schema: schema(options, org.kind) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const result = await updateOrganisation(db, {
      organisationId: org.id,
      userId: user.id,
      input: submission.value,
      requestReview: intent === 'review',
      ip: clientIp(context),
    })
    const notice =
      intent === 'review' && result.verification_status === 'pending' ? 'review' : 'saved'
    return redirect(`/organisations/${org.slug}/settings?notice=${notice}`)
  } catch (error) {
    const fields = { municipality_not_in_county: 'municipality_code' }
    return data({ result: refusalReply(submission, error, fields) }, { status: 400 })
  }
}

export default function OrganisationSettings() {
  const { org, options, contactSettings, outreachOptOut, themes, notice } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const formSchema = useMemo(() => schema(options, org.kind), [options, org.kind])
  const [form, fields] = useForm({
    id: 'organisation-settings',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(formSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      name: org.name,
      county_code: org.county_code,
      municipality_code: org.municipality_code ?? undefined,
      website: org.website ?? undefined,
      description: org.description,
      size_class: org.size_class ?? undefined,
      public_body_type: org.public_body_type ?? undefined,
      intermediary_type: org.intermediary_type ?? undefined,
      sectors: org.sectors,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formSchema }),
  })
  return (
    <>
      {notice ? (
        <DoneNotice>
          {notice === 'review'
            ? t('orgSettings.reviewRequested')
            : notice === 'contacts'
              ? t('contacts.settings.saved')
              : notice === 'themes'
                ? t('outreach.themes.saved')
                : t('orgSettings.saved')}
        </DoneNotice>
      ) : null}
      <h1>{t('orgSettings.title', { name: org.name })}</h1>
      <p className="meta">
        {t(`org.kind.${org.kind}`)} <VerificationBadge status={org.verification_status} />
      </p>
      <p>{t('orgSettings.identity', { orgNumber: formatOrgNumber(org.org_number) })}</p>
      {org.verification_status === 'rejected' ? (
        <div className="notice notice--warn">
          <p>{t('orgProfile.rejected', { note: org.verification_note ?? '' })}</p>
          <p>{t('orgProfile.rejectedHelp')}</p>
        </div>
      ) : null}
      {org.verification_status === 'pending' ? (
        <div className="notice notice--warn">
          <p>{t('orgProfile.pending')}</p>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <TextField
          meta={fields.name}
          label={t('orgForm.name')}
          autoComplete="organization"
          hint={
            org.kind !== 'company' && org.verification_status === 'verified'
              ? t('orgSettings.renameHint')
              : undefined
          }
        />
        {org.kind === 'public_body' ? <PublicBodyTypeField meta={fields.public_body_type} /> : null}
        {org.kind === 'intermediary' ? (
          <IntermediaryTypeField meta={fields.intermediary_type} />
        ) : null}
        {org.kind === 'company' ? <SizeClassField meta={fields.size_class} /> : null}
        <LocationFields
          county={fields.county_code}
          municipality={fields.municipality_code}
          counties={options.counties}
          municipalities={options.municipalities}
        />
        {org.kind === 'company' ? (
          <SectorsField meta={fields.sectors} sectors={options.sectors} />
        ) : null}
        <ProfileFields website={fields.website} description={fields.description} />
        <div className="actions">
          <SubmitButton name="intent" value="save">
            {t('form.save')}
          </SubmitButton>
          {org.verification_status === 'rejected' ? (
            <SubmitButton name="intent" value="review">
              {t('orgSettings.requestReview')}
            </SubmitButton>
          ) : null}
        </div>
      </Form>
      {contactSettings ? (
        <ContactSettingsSection
          slug={org.slug}
          settings={contactSettings}
          lastResult={
            actionData && 'contactsResult' in actionData ? actionData.contactsResult : undefined
          }
        />
      ) : null}
      {themes ? (
        <ThemeSettingsSection
          themes={themes.all}
          chosen={themes.chosen}
          lastResult={
            actionData && 'themesResult' in actionData ? actionData.themesResult : undefined
          }
        />
      ) : null}
      {outreachOptOut !== null ? (
        <OutreachSettingsSection slug={org.slug} optedOut={outreachOptOut} />
      ) : null}
      <p>
        <Link to={`/organisations/${org.slug}`}>{t('orgSettings.back')}</Link>
      </p>
    </>
  )
}

import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form, Link } from '@remix-run/react'
import {
  CheckboxField,
  ChoiceGroup,
  ErrorSummary,
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { useT } from '~/i18n/use-t'
import { CHANNEL_VALUES, contactSettingsSchema } from './schema'

// The company's contact-ledger settings (decision record 029): whether its contacts are shared
// with all verified public bodies and intermediaries, and how it prefers to be approached.

export interface ContactSettingsValue {
  share_contacts: boolean
  preferred_channel: (typeof CHANNEL_VALUES)[number]
  preference_note: string
  not_before: string | null
}

export function ContactSettingsSection({
  slug,
  settings,
  lastResult,
}: {
  slug: string
  settings: ContactSettingsValue
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'contact-settings',
    lastResult,
    constraint: getZodConstraint(contactSettingsSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      share_contacts: settings.share_contacts ? 'on' : undefined,
      preferred_channel: settings.preferred_channel,
      preference_note: settings.preference_note,
      not_before: settings.not_before ?? undefined,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contactSettingsSchema }),
  })
  return (
    <section aria-labelledby="contact-settings-title">
      <h2 id="contact-settings-title">{t('contacts.settings.title')}</h2>
      <p>{t('contacts.settings.intro')}</p>
      <p>
        <Link to={`/organisations/${slug}/contacts-about-us`}>{t('contacts.settings.seeAll')}</Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <CheckboxField meta={fields.share_contacts} label={t('contacts.settings.share')} />
        <ChoiceGroup
          meta={fields.preferred_channel}
          legend={t('contacts.settings.channel')}
          type="radio"
          options={CHANNEL_VALUES.map((c) => ({ value: c, label: t(`contacts.channel.${c}`) }))}
        />
        <TextareaField
          meta={fields.preference_note}
          label={t('contacts.settings.note')}
          required={false}
          rows={3}
        />
        <TextField
          meta={fields.not_before}
          label={t('contacts.settings.notBefore')}
          type="date"
          required={false}
        />
        <div className="actions">
          <SubmitButton name="intent" value="contacts">
            {t('contacts.settings.save')}
          </SubmitButton>
        </div>
      </Form>
    </section>
  )
}

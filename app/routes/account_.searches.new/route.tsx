import { getFormProps } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { ErrorSummary, SubmitButton } from '~/components/forms'
import { SavedSearchFormFields, useSavedSearchForm } from '~/components/saved-search-form'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { getCpvLabels } from '~/models/cpv.server'
import { createSavedSearch, getSavedSearchFormOptions } from '~/models/saved-searches.server'
import { parseCpvList } from '~/utils/cpv'
import { getDb } from '~/utils/db.server'
import { saveSearchFromForm } from '~/utils/saved-search-submission.server'
import { pageTitle } from '~/utils/meta'
import { prefillFromQuery } from '~/utils/saved-search-schema'
import callsMessages from '~/i18n/messages/calls'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'
import savedSearchMessages from '~/i18n/messages/saved-searches'

// A new saved search (issue 16 part 2). The "save as alert" links of /test-beds and /calls open
// this page with the catalogue's filters in the query string, which become the first values.

export const handle = { i18n: [savedSearchMessages, callsMessages, cpvMessages, errorsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'savedSearch.form.newTitle')

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const db = getDb()
  const locale = getLocale(request)
  const defaults = prefillFromQuery(new URL(request.url).searchParams)
  const prefilled = parseCpvList(typeof defaults.cpv_codes === 'string' ? defaults.cpv_codes : '')
  return {
    defaults,
    options: await getSavedSearchFormOptions(db, locale),
    cpvLabels: prefilled.ok ? await getCpvLabels(db, prefilled.codes, locale) : [],
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  return saveSearchFromForm(
    db,
    request,
    (input) => createSavedSearch(db, { userId: user.id, input }),
    '/account/searches?notice=created',
  )
}

export default function NewSavedSearch() {
  const { defaults, options, cpvLabels } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useSavedSearchForm(options, defaults, actionData?.result)
  return (
    <>
      <h1>{t('savedSearch.form.newTitle')}</h1>
      <p>
        <Link to="/account/searches">{t('savedSearch.form.cancel')}</Link>
      </p>
      <p>{t('savedSearch.form.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <SavedSearchFormFields fields={fields} options={options} cpvLabels={cpvLabels} />
        <div className="actions">
          <SubmitButton>{t('savedSearch.form.create')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}

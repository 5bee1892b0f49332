import { getFormProps } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { notFound, requireUser } from '~/auth/guards.server'
import { ErrorSummary, SubmitButton } from '~/components/forms'
import { SavedSearchFormFields, useSavedSearchForm } from '~/components/saved-search-form'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import {
  getSavedSearch,
  getSavedSearchForEdit,
  getSavedSearchFormOptions,
  updateSavedSearch,
} from '~/models/saved-searches.server'
import { cpvCodesText } from '~/utils/cpv'
import { getDb } from '~/utils/db.server'
import { saveSearchFromForm } from '~/utils/saved-search-submission.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { savedSearchIdSchema } from '~/utils/saved-search-schema'
import callsMessages from '~/i18n/messages/calls'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'
import savedSearchMessages from '~/i18n/messages/saved-searches'

// Editing a saved search (issue 16 part 2). Only its owner: anyone else's id is not found.

export const handle = { i18n: [savedSearchMessages, callsMessages, cpvMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('savedSearch.form.editTitle', { name: data.name }) : t('notFound.title'),
  )

function idOf(params: { searchId?: string }) {
  const id = savedSearchIdSchema.safeParse(params.searchId)
  if (!id.success) throw notFound()
  return id.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const locale = getLocale(request)
  const { search, cpvLabels } = await orNotFound(
    getSavedSearchForEdit(db, idOf(params), user.id, locale),
  )
  return {
    id: search.id,
    name: search.name,
    defaults: {
      name: search.name,
      kinds: search.kinds,
      themes: search.themes,
      cpv_codes: cpvCodesText(search.cpv_codes),
      county_code: search.county_code ?? '',
      municipality_code: search.municipality_code ?? '',
      procedure: search.procedure ?? '',
      trl_min: search.trl_min === null ? '' : String(search.trl_min),
      trl_max: search.trl_max === null ? '' : String(search.trl_max),
      query: search.query,
    },
    cpvLabels,
    options: await getSavedSearchFormOptions(db, locale),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const id = idOf(params)
  await orNotFound(getSavedSearch(db, id, user.id))
  return saveSearchFromForm(
    db,
    request,
    (input) => updateSavedSearch(db, { id, userId: user.id, input }),
    '/account/searches?notice=updated',
  )
}

export default function EditSavedSearch() {
  const { name, defaults, options, cpvLabels } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useSavedSearchForm(options, defaults, actionData?.result)
  return (
    <>
      <h1>{t('savedSearch.form.editTitle', { name })}</h1>
      <p>
        <Link to="/account/searches">{t('savedSearch.form.cancel')}</Link>
      </p>
      <p>{t('savedSearch.form.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <SavedSearchFormFields fields={fields} options={options} cpvLabels={cpvLabels} />
        <div className="actions">
          <SubmitButton>{t('savedSearch.form.save')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}

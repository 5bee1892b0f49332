import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { notFound, requireUser } from '~/auth/guards.server'
import { DoneNotice } from '~/components/problem'
import { formatNumber } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import { deleteSavedSearch, getSavedSearchesPage } from '~/models/saved-searches.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { deleteSchema, NOTICES } from './schema'
import callsMessages from '~/i18n/messages/calls'
import savedSearchMessages from '~/i18n/messages/saved-searches'

// A person's saved searches (issue 16 part 2, decision record 037): each with its criteria and
// how many items it has matched, a link to edit it and a button that deletes it.

export const handle = { i18n: [savedSearchMessages, callsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'savedSearch.list.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = await getSavedSearchesPage(getDb(), user.id, getLocale(request))
  const notice = new URL(request.url).searchParams.get('notice')
  return { ...page, notice: NOTICES.find((n) => n === notice) ?? null }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = deleteSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!form.success) throw notFound()
  await orNotFound(deleteSavedSearch(getDb(), { id: form.data.id, userId: user.id }))
  return redirect('/account/searches?notice=deleted')
}

export default function SavedSearches() {
  const { searches, limit, names, notice } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const full = searches.length >= limit
  return (
    <>
      {notice ? <DoneNotice>{t(`savedSearch.list.${notice}`)}</DoneNotice> : null}
      <h1>{t('savedSearch.list.title')}</h1>
      <p>
        <Link to="/account">{t('savedSearch.list.back')}</Link>
      </p>
      <p>{t('savedSearch.list.intro', { max: limit })}</p>
      {full ? (
        <p className="notice notice--warn">{t('savedSearch.list.full', { max: limit })}</p>
      ) : (
        <p>
          <Link to="/account/searches/new" className="button">
            {t('savedSearch.list.new')}
          </Link>
        </p>
      )}
      {searches.length === 0 ? (
        <p>{t('savedSearch.list.empty')}</p>
      ) : (
        <>
          <p className="meta">
            {t('savedSearch.list.count', { count: searches.length, max: limit })}
          </p>
          <ul className="stack saved-searches">
            {searches.map((s) => {
              const place = [
                s.county_code ? names.counties[s.county_code] : null,
                s.municipality_code ? names.municipalities[s.municipality_code] : null,
              ].filter(Boolean)
              const hasMore =
                s.themes.length + s.cpv_codes.length + place.length > 0 ||
                s.procedure !== null ||
                s.trl_min !== null ||
                s.query !== ''
              return (
                <li key={s.id} className="card">
                  <h2>{s.name}</h2>
                  <dl className="details">
                    <dt>{t('savedSearch.criteria.kinds')}</dt>
                    <dd>{s.kinds.map((k) => t(`savedSearch.kind.${k}`)).join(', ')}</dd>
                    {s.query ? (
                      <>
                        <dt>{t('savedSearch.criteria.query')}</dt>
                        <dd>{s.query}</dd>
                      </>
                    ) : null}
                    {s.themes.length > 0 ? (
                      <>
                        <dt>{t('savedSearch.criteria.themes')}</dt>
                        <dd>{s.themes.map((c) => names.themes[c] ?? c).join(', ')}</dd>
                      </>
                    ) : null}
                    {s.cpv_codes.length > 0 ? (
                      <>
                        <dt>{t('savedSearch.criteria.cpv')}</dt>
                        <dd>
                          <ul className="plain-list">
                            {s.cpv_codes.map((c) => (
                              <li key={c}>
                                <span className="cpv-code">{c}</span> {names.cpv[c] ?? null}
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </>
                    ) : null}
                    {place.length > 0 ? (
                      <>
                        <dt>{t('savedSearch.criteria.place')}</dt>
                        <dd>{place.join(', ')}</dd>
                      </>
                    ) : null}
                    {s.procedure ? (
                      <>
                        <dt>{t('savedSearch.criteria.procedure')}</dt>
                        <dd>{t(`call.procedure.${s.procedure}`)}</dd>
                      </>
                    ) : null}
                    {s.trl_min !== null && s.trl_max !== null ? (
                      <>
                        <dt>{t('savedSearch.criteria.trl')}</dt>
                        <dd>
                          {t('savedSearch.criteria.trlRange', { min: s.trl_min, max: s.trl_max })}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  {hasMore ? null : <p className="meta">{t('savedSearch.criteria.none')}</p>}
                  <p className="meta">
                    {t('savedSearch.list.matches', {
                      count: formatNumber(s.match_count, locale),
                    })}
                  </p>
                  <div className="actions">
                    <Link to={`/account/searches/${s.id}`} className="button button--secondary">
                      {t('savedSearch.list.edit', { name: s.name })}
                    </Link>
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="id" value={s.id} />
                      <button type="submit" className="button button--secondary">
                        {t('savedSearch.list.delete', { name: s.name })}
                      </button>
                    </Form>
                  </div>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </>
  )
}

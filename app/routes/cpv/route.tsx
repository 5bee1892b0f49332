import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { formatNumber } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import {
  CPV_SEARCH_LIMIT,
  type CpvEntry,
  getCpvPath,
  listCpvChildren,
  searchCpv,
} from '~/models/cpv.server'
import { cpvHref } from '~/utils/cpv'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { cpvPageSchema } from './schema'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [cpvMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const current = data?.path.at(-1)
  return current
    ? pageTitle(matches, (t) => `${current.code} ${current.label} – ${t('cpv.title')}`)
    : pageTitle(matches, 'cpv.title')
}

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const { q, parent } = cpvPageSchema.parse({
    q: params.get('q') || undefined,
    parent: params.get('parent') || undefined,
  })
  const locale = getLocale(request)
  const db = getDb()
  if (q) {
    // One more than shown tells whether there are more matches than the page lists.
    const found = await searchCpv(db, { q, locale, limit: CPV_SEARCH_LIMIT + 1 })
    return {
      q,
      path: [] as CpvEntry[],
      results: found.slice(0, CPV_SEARCH_LIMIT),
      more: found.length > CPV_SEARCH_LIMIT,
      children: [] as CpvEntry[],
    }
  }
  const [path, children] = await orNotFound(
    Promise.all([
      parent ? getCpvPath(db, parent, locale) : Promise.resolve([]),
      listCpvChildren(db, parent ?? null, locale),
    ]),
  )
  return { q: '', path, results: null, more: false, children }
}

export default function CpvPage() {
  const { q, path, results, more, children } = useLoaderData<typeof loader>()
  const t = useT()
  const location = useLocation()
  const current = path.at(-1)
  return (
    <>
      <h1>{t('cpv.title')}</h1>
      <p className="lead">{t('cpv.intro')}</p>

      <section aria-labelledby="cpv-search-title">
        <h2 id="cpv-search-title">{t('cpv.search.title')}</h2>
        {/* Remounted on every search so the field shows what the address says. */}
        <Form
          key={location.search}
          method="get"
          action="/cpv"
          className="filters cpv-search"
          role="search"
          aria-labelledby="cpv-search-title"
        >
          <div className="field">
            <label htmlFor="cpv-q">{t('cpv.search.label')}</label>
            <p className="hint" id="cpv-q-hint">
              {t('cpv.search.hint')}
            </p>
            <input
              id="cpv-q"
              name="q"
              type="search"
              defaultValue={q}
              aria-describedby="cpv-q-hint"
              className="input"
            />
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t('cpv.search.submit')}
            </button>
            {q || current ? <Link to="/cpv">{t('cpv.search.clear')}</Link> : null}
          </div>
        </Form>
      </section>

      {results ? (
        <section aria-labelledby="cpv-results-title">
          <h2 id="cpv-results-title">{t('cpv.results.title')}</h2>
          <SearchCount count={results.length} more={more} q={q} />
          {results.length > 0 ? (
            <CpvTable entries={results} caption={t('cpv.results.caption', { q })} />
          ) : null}
        </section>
      ) : current ? (
        <>
          <Breadcrumb path={path} />
          <section aria-labelledby="cpv-children-title">
            <h2 id="cpv-children-title">{t('cpv.browse.childrenTitle', { code: current.code })}</h2>
            {children.length > 0 ? (
              <CpvTable
                entries={children}
                caption={t('cpv.browse.childrenCaption', {
                  code: current.code,
                  label: current.label,
                })}
              />
            ) : (
              <p>{t('cpv.browse.leaf')}</p>
            )}
          </section>
        </>
      ) : (
        <section aria-labelledby="cpv-top-title">
          <h2 id="cpv-top-title">{t('cpv.browse.top')}</h2>
          <CpvTable entries={children} caption={t('cpv.browse.topCaption')} />
        </section>
      )}
    </>
  )
}

function SearchCount({ count, more, q }: { count: number; more: boolean; q: string }) {
  const t = useT()
  const locale = useLocale()
  const text = more
    ? t('cpv.results.countMore', { count: formatNumber(count, locale) })
    : count === 0
      ? t('cpv.results.empty', { q })
      : count === 1
        ? t('cpv.results.countOne')
        : t('cpv.results.count', { count: formatNumber(count, locale) })
  return (
    <p role="status" className="meta">
      {text}
    </p>
  )
}

/** Where the shown code sits: every ancestor links to its own list; the code itself does not. */
function Breadcrumb({ path }: { path: CpvEntry[] }) {
  const t = useT()
  return (
    <nav aria-label={t('cpv.browse.breadcrumb')} className="cpv-breadcrumb">
      <ol>
        <li>
          <Link to="/cpv">{t('cpv.browse.all')}</Link>
        </li>
        {path.map((entry, i) => (
          <li key={entry.code}>
            {i === path.length - 1 ? (
              <span aria-current="page">
                <span className="cpv-code">{entry.code}</span> {entry.label}
              </span>
            ) : (
              <Link to={cpvHref(entry.code)}>
                <span className="cpv-code">{entry.code}</span> {entry.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}

function CpvTable({ entries, caption }: { entries: CpvEntry[]; caption: string }) {
  const t = useT()
  const locale = useLocale()
  return (
    <table className="cpv-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cpv.table.code')}</th>
          <th scope="col">{t('cpv.table.label')}</th>
          <th scope="col">{t('cpv.table.children')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.code}>
            <th scope="row" className="cpv-code">
              <Link to={cpvHref(entry.code)}>{entry.code}</Link>
            </th>
            <td>{entry.label}</td>
            <td>
              {entry.children > 0 ? (
                <Link to={cpvHref(entry.code)}>
                  {entry.children === 1
                    ? t('cpv.table.childrenLinkOne')
                    : t('cpv.table.childrenLink', {
                        count: formatNumber(entry.children, locale),
                      })}
                  <span className="visually-hidden">
                    {' '}
                    {t('cpv.table.childrenOf', { code: entry.code })}
                  </span>
                </Link>
              ) : (
                t('cpv.table.none')
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

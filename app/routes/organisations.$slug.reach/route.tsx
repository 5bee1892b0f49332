import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireOutreachSender } from '~/auth/outreach-guard.server'
import { ListTable } from '~/components/list-table'
import { getLocale } from '~/i18n/locale.server'
import { formatPercent } from '~/i18n/format'
import type { Locale } from '~/i18n/locales'
import organisationsMessages from '~/i18n/messages/organisations'
import outreachMessages from '~/i18n/messages/outreach'
import { useLocale, useT } from '~/i18n/use-t'
import { listCounties } from '~/models/reference.server'
import { getSmeReach } from '~/models/sme-reach.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { FirstTimersFigure, SmeShareFigure } from './reach-charts'
import { countyParamSchema } from './schema'

// SME reach (decision record 032), for a verified region or intermediary: companies of a county
// never reached, first-time participants per quarter, the SME share among applicants, bidders and
// winners per year, each a chart with its table beside it. Its members only; anyone else: 404.

export const handle = { i18n: [outreachMessages, organisationsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('outreach.reach.title', { county: data.county.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireOutreachSender(request, params)
  const db = getDb()
  const locale = getLocale(request)
  const counties = await listCounties(db)
  const asked = countyParamSchema.safeParse(new URL(request.url).searchParams.get('county'))
  const county =
    counties.find((c) => asked.success && c.code === asked.data) ??
    counties.find((c) => c.code === org.county_code)!
  const reach = await getSmeReach(db, { county: county.code, viewer: org.id, locale })
  return {
    org: { slug: org.slug, name: org.name },
    county: { code: county.code, name: county.name },
    counties: counties.map((c) => ({ value: c.code, label: c.name })),
    ...reach,
  }
}

function percent(part: number, whole: number, locale: Locale) {
  return formatPercent(whole ? part / whole : 0, locale)
}

export default function SmeReach() {
  const { org, county, counties, bySize, bySector, byMunicipality, quarters, shares } =
    useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const neverTable = (
    rows: Array<{ key: string | null; name: string | null; companies: number; never: number }>,
    caption: string,
    column: string,
    label: (row: { key: string | null; name: string | null }) => string,
  ) => (
    <ListTable
      count={rows.length}
      empty={t('outreach.reach.empty')}
      caption={caption}
      columns={[
        column,
        t('outreach.reach.col.companies'),
        t('outreach.reach.col.never'),
        t('outreach.reach.col.share'),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.key ?? '-'}>
          <th scope="row">{label(r)}</th>
          <td>{r.companies}</td>
          <td>{r.never}</td>
          <td>{percent(r.never, r.companies, locale)}</td>
        </tr>
      ))}
    </ListTable>
  )
  return (
    <>
      <h1>{t('outreach.reach.title', { county: county.name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}`}>{t('outreach.back')}</Link>
      </p>
      <p>{t('outreach.reach.intro')}</p>
      <Form method="get" className="stack" role="search">
        <div className="field">
          <label htmlFor="reach-county">{t('outreach.reach.county')}</label>
          <select id="reach-county" name="county" defaultValue={county.code} className="input">
            {counties.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t('outreach.reach.show')}
          </button>
        </div>
      </Form>
      <p>
        <Link to={`/organisations/${org.slug}/outreach/new`}>{t('outreach.reach.sendLink')}</Link>
      </p>
      <section aria-labelledby="never-title">
        <h2 id="never-title">{t('outreach.reach.neverTitle')}</h2>
        {neverTable(bySize, t('outreach.reach.bySize'), t('outreach.reach.col.size'), (r) =>
          r.key ? t(`org.size.${r.key as 'micro'}`) : '–',
        )}
        {bySize.length
          ? neverTable(
              bySector,
              t('outreach.reach.bySector'),
              t('outreach.reach.col.sector'),
              (r) => (r.key ? `${r.key} – ${r.name ?? ''}` : t('outreach.reach.noSector')),
            )
          : null}
        {bySize.length
          ? neverTable(
              byMunicipality,
              t('outreach.reach.byMunicipality'),
              t('outreach.reach.col.municipality'),
              (r) => r.name ?? t('outreach.reach.noMunicipality'),
            )
          : null}
      </section>
      <section aria-labelledby="first-title">
        <h2 id="first-title">{t('outreach.reach.firstTitle')}</h2>
        <p>{t('outreach.reach.firstIntro')}</p>
        {quarters.length ? (
          <FirstTimersFigure quarters={quarters} t={t} locale={locale} />
        ) : (
          <p>{t('outreach.reach.firstEmpty')}</p>
        )}
      </section>
      <section aria-labelledby="share-title">
        <h2 id="share-title">{t('outreach.reach.shareTitle')}</h2>
        <p>{t('outreach.reach.shareIntro')}</p>
        {shares.length ? (
          <SmeShareFigure shares={shares} t={t} locale={locale} />
        ) : (
          <p>{t('outreach.reach.shareEmpty')}</p>
        )}
      </section>
    </>
  )
}

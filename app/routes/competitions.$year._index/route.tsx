import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getOptionalUser } from '~/auth/guards.server'
import {
  CompetitionStatusBadge,
  PlacementBadge,
  ReferenceTitle,
} from '~/components/competition-labels'
import { PlainText } from '~/components/plain-text'
import { formatDateTime } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import { isJuror } from '~/models/competition-jury.server'
import { getPublicCompetition, type PublicCompetition } from '~/models/competition-public.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { yearParam } from '~/utils/params.server'
import competitionsMessages from '~/i18n/messages/competitions'

export const handle = { i18n: [competitionsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('competition.page.title', { year: data.competition.year }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const year = yearParam(params.year)
  const db = getDb()
  const competition = await orNotFound(getPublicCompetition(db, year, getLocale(request)))
  const user = await getOptionalUser(request)
  return {
    competition,
    open: competition.status === 'nominating' && competition.nominationsCloseAt > now(),
    juror: user ? await isJuror(db, year, user.id) : false,
  }
}

export default function CompetitionYear() {
  const { competition: c, open, juror } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h1>{t('competition.page.title', { year: c.year })}</h1>
      <p className="meta">
        <CompetitionStatusBadge status={c.status} />
      </p>
      <PlainText text={c.intro} className="plain-text lead" />
      {c.status === 'nominating' ? (
        <div className="notice">
          <p>
            {t(open ? 'competition.page.openUntil' : 'competition.page.closedAt', {
              time: formatDateTime(c.nominationsCloseAt, locale),
            })}
          </p>
          {open ? (
            <p>
              <Link to={`/competitions/${c.year}/nominate`} className="button">
                {t('competition.page.nominate')}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {c.status === 'judging' ? (
        <div className="notice">
          <p>{t('competition.page.judging')}</p>
        </div>
      ) : null}
      {juror ? (
        <p>
          <Link to={`/competitions/${c.year}/jury`}>{t('competition.page.juryLink')}</Link>
        </p>
      ) : null}
      {c.categories.map((category) => (
        <CategorySection key={category.id} category={category} status={c.status} />
      ))}
      <section aria-labelledby="jury-heading">
        <h2 id="jury-heading">{t('competition.page.juryHeading')}</h2>
        {c.jury.length === 0 ? (
          <p>{t('competition.page.noJury')}</p>
        ) : (
          <ul>
            {c.jury.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to="/competitions">{t('competition.page.allYears')}</Link>
      </p>
    </>
  )
}

type Category = PublicCompetition['categories'][number]

function CategorySection({
  category,
  status,
}: {
  category: Category
  status: PublicCompetition['status']
}) {
  const t = useT()
  const headingId = `category-${category.id}`
  const winners = category.placements.filter((p) => p.placement === 'winner')
  const mentions = category.placements.filter((p) => p.placement === 'honourable_mention')
  return (
    <section aria-labelledby={headingId} className="competition-category">
      <h2 id={headingId}>{category.name}</h2>
      <PlainText text={category.description} />
      {status === 'nominating' ? (
        category.nominations.length === 0 ? (
          <p>{t('competition.page.noNominations')}</p>
        ) : (
          <>
            <h3>{t('competition.page.nominationsHeading')}</h3>
            <ul className="plain-list">
              {category.nominations.map((n) => (
                <li key={n.id}>
                  <Link to={`/references/${n.referenceId}`}>
                    <ReferenceTitle titleSv={n.titleSv} titleEn={n.titleEn} />
                  </Link>
                  <span className="meta">
                    {' – '}
                    {t('competition.parties', {
                      company: n.companyName,
                      publicBody: n.publicBodyName,
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
      {status === 'published' ? (
        <>
          {winners.map((p) => (
            <Placement key={p.nominationId} placement={p} />
          ))}
          {mentions.length > 0 ? (
            <>
              <h3>{t('competition.page.mentionsHeading')}</h3>
              {mentions.map((p) => (
                <Placement key={p.nominationId} placement={p} />
              ))}
            </>
          ) : null}
        </>
      ) : null}
    </section>
  )
}

function Placement({ placement: p }: { placement: Category['placements'][number] }) {
  const t = useT()
  const Heading = p.placement === 'winner' ? 'h3' : 'h4'
  return (
    <article className="card competition-placement">
      <p>
        <PlacementBadge placement={p.placement} />
      </p>
      <Heading>
        <Link to={`/references/${p.referenceId}`}>
          <ReferenceTitle titleSv={p.titleSv} titleEn={p.titleEn} />
        </Link>
      </Heading>
      <p className="meta">
        {t('competition.parties', { company: p.companyName, publicBody: p.publicBodyName })}
      </p>
      <p className="meta">{t('competition.page.motivation')}</p>
      <PlainText text={p.motivation} />
    </article>
  )
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireOutreachSender } from '~/auth/outreach-guard.server'
import { OutreachArticle } from '~/components/outreach-article'
import { DoneNotice } from '~/components/problem'
import { formatDate } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import organisationsMessages from '~/i18n/messages/organisations'
import outreachMessages from '~/i18n/messages/outreach'
import { useLocale, useT } from '~/i18n/use-t'
import { listSentOutreaches } from '~/models/outreach.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'

// The outreaches a verified region or intermediary sent (decision record 032), each with its
// criteria and counts. Its members only; anyone else: 404.

export const handle = { i18n: [outreachMessages, organisationsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('outreach.list.title', { name: data.org.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org } = await requireOutreachSender(request, params)
  const outreaches = await listSentOutreaches(getDb(), {
    organisationId: org.id,
    userId: user.id,
    locale: getLocale(request),
  })
  const sent = Number(new URL(request.url).searchParams.get('sent'))
  const notice = outreaches.find((o) => o.id === sent) ?? null
  return {
    org: { name: org.name, slug: org.slug },
    outreaches,
    notice: notice ? { count: notice.recipient_count } : null,
  }
}

export default function SentOutreaches() {
  const { org, outreaches, notice } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      {notice ? <DoneNotice>{t('outreach.list.sent', { count: notice.count })}</DoneNotice> : null}
      <h1>{t('outreach.list.title', { name: org.name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}`}>{t('outreach.back')}</Link>
      </p>
      <p>{t('outreach.list.intro')}</p>
      <p>
        <Link className="button" to={`/organisations/${org.slug}/outreach/new`}>
          {t('outreach.list.new')}
        </Link>
      </p>
      {outreaches.length === 0 ? <p>{t('outreach.list.empty')}</p> : null}
      {outreaches.map((o) => (
        <OutreachArticle
          key={o.id}
          outreach={o}
          level={2}
          byline={t('outreach.list.sentBy', {
            date: formatDate(o.sent_at, locale),
            name: o.sent_by_name,
          })}
        />
      ))}
    </>
  )
}

import { parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/guards.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { OutreachArticle } from '~/components/outreach-article'
import { OutreachOptOutForm } from '~/components/outreach-opt-out'
import { DoneNotice } from '~/components/problem'
import { formatDate } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'
import outreachMessages from '~/i18n/messages/outreach'
import { useLocale, useT } from '~/i18n/use-t'
import {
  getOutreachOptOut,
  listReceivedOutreaches,
  saveOutreachOptOut,
} from '~/models/outreach.server'
import { getDb } from '~/utils/db.server'
import { refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { optOutSchema } from './schema'

// A company's outreach (decision record 032): what it received, and its choice to receive none
// (the link at the end of every outreach mail leads here). Its members only; anyone else: 404.

export const handle = { i18n: [outreachMessages, organisationsMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('outreach.received.title', { name: data.company.name }) : t('notFound.title'),
  )

async function requireCompanyMember(request: Request, params: { slug?: string }) {
  const { user, org } = await requireOrganisationMember(request, params)
  if (org.kind !== 'company') throw notFound()
  return { user, org }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org } = await requireCompanyMember(request, params)
  const db = getDb()
  const [outreaches, optedOut] = await Promise.all([
    listReceivedOutreaches(db, { companyId: org.id, userId: user.id, locale: getLocale(request) }),
    getOutreachOptOut(db, org.id),
  ])
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    company: { name: org.name, slug: org.slug },
    outreaches,
    optedOut,
    notice: notice === 'out' || notice === 'in' ? notice : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, org } = await requireCompanyMember(request, params)
  const submission = parseWithZod(await request.formData(), { schema: optOutSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    await saveOutreachOptOut(getDb(), {
      companyId: org.id,
      userId: user.id,
      optedOut: submission.value.opted_out,
      ip: clientIp(context),
    })
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
  const notice = submission.value.opted_out ? 'out' : 'in'
  return redirect(`/organisations/${org.slug}/outreach-received?notice=${notice}`)
}

export default function OutreachReceived() {
  const { company, outreaches, optedOut, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      {notice ? (
        <DoneNotice>
          {notice === 'out' ? t('outreach.optOut.savedOut') : t('outreach.optOut.savedIn')}
        </DoneNotice>
      ) : null}
      <h1>{t('outreach.received.title', { name: company.name })}</h1>
      <p>
        <Link to={`/organisations/${company.slug}`}>{t('outreach.back')}</Link>
      </p>
      <p>{t('outreach.received.intro')}</p>
      <section aria-labelledby="opt-out-title">
        <h2 id="opt-out-title">{t('outreach.optOut.title')}</h2>
        <OutreachOptOutForm
          id="outreach-opt-out"
          slug={company.slug}
          optedOut={optedOut}
          lastResult={actionData?.result}
        />
      </section>
      <section aria-labelledby="received-title">
        <h2 id="received-title">{t('outreach.orgLink.received')}</h2>
        {outreaches.length === 0 ? <p>{t('outreach.received.empty')}</p> : null}
        {outreaches.map((o) => (
          <OutreachArticle
            key={o.id}
            outreach={o}
            byline={t('outreach.received.from', {
              name: o.sender_name,
              date: formatDate(o.sent_at, locale),
            })}
          />
        ))}
      </section>
    </>
  )
}

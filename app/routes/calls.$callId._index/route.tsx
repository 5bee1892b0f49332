import contactsMessages from '~/i18n/messages/contacts'
import { listCallContactDisclosures } from '~/models/contact-reads.server'
import { parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getOptionalUser, notFound, requireUser } from '~/auth/guards.server'
import { CallStatusBadge } from '~/components/call-labels'
import { BidCounts, Outcome } from '~/components/call-outcome'
import { QaList } from '~/components/call-qa'
import { RelatedItems } from '~/components/overlap-step'
import { DoneNotice } from '~/components/problem'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { getPublicCall } from '~/models/call-catalogue.server'
import { getBidCounts, getPublicOutcome } from '~/models/call-outcome-public.server'
import { relatedCalls } from '~/models/call-overlap.server'
import { askQuestion, QUESTIONS_PER_DAY } from '~/models/call-questions.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { summary } from '~/utils/canonical'
import { pageTitle } from '~/utils/meta'
import { JsonLd } from '~/components/json-ld'
import { callJsonLd } from '~/models/structured-data.server'
import { clientIp, oneOf } from '~/utils/request.server'
import { Actions } from './actions-section'
import { Ask } from './ask-form'
import { ContactDisclosureSection } from './contact-disclosure-section'
import { AmendmentsSection, DisclosureSection, DocumentsSection } from './record-sections'
import { askSchema, callIdSchema, NOTICES } from './schema'
import { DatesSection, FactsSection, NeedSection, TermsSection } from './terms-sections'
import callPublicMessages from '~/i18n/messages/call-public'
import callsMessages from '~/i18n/messages/calls'
import errorsMessages from '~/i18n/messages/errors'
import initiativesMessages from '~/i18n/messages/initiatives'
import overlapMessages from '~/i18n/messages/overlap'
import notificationsMessages from '~/i18n/messages/notifications'

import feedsMessages from '~/i18n/messages/feeds'
import { CalendarLink } from '~/components/feed-link'
import { OcdsRecordLink } from '~/components/ocds-link'
import ocdsMessages from '~/i18n/messages/ocds'
import { ocdsRecordPath } from '~/models/ocds-build.server'

export const handle = {
  i18n: [
    feedsMessages,
    callPublicMessages,
    callsMessages,
    errorsMessages,
    contactsMessages,
    overlapMessages,
    initiativesMessages,
    notificationsMessages,
    ocdsMessages,
  ],
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.call.title ?? t('notFound.title'), undefined, {
    description: summary(data?.call.summary),
  })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const callId = callIdSchema.safeParse(params.callId)
  if (!callId.success) throw notFound()
  const user = await getOptionalUser(request)
  const db = getDb()
  const call = await orNotFound(
    getPublicCall(db, callId.data, user ? { id: user.id } : null, getLocale(request)),
  )
  const [bidCounts, outcome, contactDisclosures, related] = await Promise.all([
    getBidCounts(db, call),
    getPublicOutcome(db, call.id),
    listCallContactDisclosures(db, call.id),
    relatedCalls(db, call.id, user?.id ?? null),
  ])
  const url = new URL(request.url)
  const notice = url.searchParams.get('notice')
  return {
    call,
    contactDisclosures,
    related,
    bidCounts,
    outcome,
    loginHref: `/login?${new URLSearchParams({ redirectTo: url.pathname })}`,
    notice: oneOf(NOTICES, notice),
    jsonLd: callJsonLd(call),
    ocdsRecordHref: call.status === 'draft' ? null : ocdsRecordPath(call.id),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const callId = callIdSchema.safeParse(params.callId)
  if (!callId.success) throw notFound()
  const user = await requireUser(request)
  const db = getDb()
  const ip = clientIp(context)
  const here = `/calls/${callId.data}`
  const formData = await request.formData()
  if (formData.get('intent') === 'ask') {
    const submission = parseWithZod(formData, { schema: askSchema })
    if (submission.status !== 'success') {
      return data({ result: submission.reply() }, { status: 400 })
    }
    try {
      const asked = await askQuestion(db, {
        callId: callId.data,
        userId: user.id,
        body: submission.value.body,
        ip,
      })
      if (asked.status === 'limit') {
        const message = `callPublic.ask.limit|${JSON.stringify({ count: QUESTIONS_PER_DAY })}`
        return data({ result: submission.reply({ formErrors: [message] }) }, { status: 400 })
      }
    } catch (error) {
      return data({ result: refusalReply(submission, error) }, { status: 400 })
    }
    return redirect(`${here}?notice=asked#questions-title`)
  }
  // Following is the FollowButton's form, posted to /follow.
  throw notFound()
}

export default function CallPage() {
  const { call, contactDisclosures, related, bidCounts, outcome, notice, loginHref, jsonLd } =
    useLoaderData<typeof loader>()
  const { ocdsRecordHref } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      {notice ? <DoneNotice>{t(`callPublic.notice.${notice}`)}</DoneNotice> : null}
      {call.status === 'draft' ? (
        <div className="notice notice--warn">
          <p>{t('callPublic.call.draftNotice')}</p>
        </div>
      ) : null}
      {jsonLd ? <JsonLd data={jsonLd} /> : null}
      <h1>{call.title}</h1>
      <p className="meta">
        {t('callPublic.call.buyer')}
        {': '}
        <Link to={`/organisations/${call.buyer_slug}`}>{call.buyer_name}</Link> ·{' '}
        <CallStatusBadge status={call.shown_status} />
      </p>
      <p className="lead">{call.summary}</p>
      {call.status === 'draft' ? null : <CalendarLink href={`/calls/${call.id}/calendar.ics`} />}
      {ocdsRecordHref ? <OcdsRecordLink href={ocdsRecordHref} /> : null}

      <Actions call={call} />

      {outcome ? (
        <section aria-labelledby="outcome-title">
          <h2 id="outcome-title">{t('callPublic.outcome.title')}</h2>
          <Outcome outcome={outcome} />
        </section>
      ) : null}

      {bidCounts ? (
        <section aria-labelledby="bids-title">
          <h2 id="bids-title">{t('callPublic.bids.title')}</h2>
          <BidCounts counts={bidCounts} />
        </section>
      ) : null}

      <DatesSection call={call} />
      <NeedSection call={call} />
      <FactsSection call={call} />
      <TermsSection call={call} />
      <DocumentsSection call={call} />
      <AmendmentsSection call={call} />
      <DisclosureSection call={call} />
      <ContactDisclosureSection contacts={contactDisclosures} />
      <RelatedItems related={related} kind="call" />

      <section aria-labelledby="questions-title">
        <h2 id="questions-title">{t('callPublic.qa.title')}</h2>
        <p>{t('callPublic.qa.intro')}</p>
        {call.answers.length === 0 ? (
          <p>{t('callPublic.qa.none')}</p>
        ) : (
          <QaList entries={call.answers} />
        )}
        <Ask call={call} loginHref={loginHref} />
      </section>
    </>
  )
}

import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { type ReactNode } from 'react'
import { getOptionalUser, notFound, requireUser } from '~/auth/guards.server'
import { CallDeadline, CallStatusBadge, ProcedureLabel } from '~/components/call-labels'
import { BidCounts, Outcome } from '~/components/call-outcome'
import { QaList } from '~/components/call-qa'
import { ErrorSummary, SubmitButton, TextareaField } from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { DoneNotice } from '~/components/problem'
import { formatDate, formatDateTime, formatMoney, formatNumber } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import {
  followCall,
  getPublicCall,
  type PublicCall,
  unfollowCall,
} from '~/models/call-catalogue.server'
import { getBidCounts, getPublicOutcome } from '~/models/call-outcome-public.server'
import { askQuestion, QUESTIONS_PER_DAY } from '~/models/call-questions.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp, oneOf } from '~/utils/request.server'
import { askSchema, callIdSchema, followSchema, NOTICES } from './schema'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.call.title ?? t('notFound.title'))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const callId = callIdSchema.safeParse(params.callId)
  if (!callId.success) throw notFound()
  const user = await getOptionalUser(request)
  const db = getDb()
  const call = await orNotFound(
    getPublicCall(db, callId.data, user ? { id: user.id } : null, getLocale(request)),
  )
  const [bidCounts, outcome] = await Promise.all([
    getBidCounts(db, call),
    getPublicOutcome(db, call.id),
  ])
  const url = new URL(request.url)
  const notice = url.searchParams.get('notice')
  return {
    call,
    bidCounts,
    outcome,
    loginHref: `/login?${new URLSearchParams({ redirectTo: url.pathname })}`,
    notice: oneOf(NOTICES, notice),
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
  const parsed = followSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw notFound()
  const input = { callId: callId.data, userId: user.id, ip }
  await orNotFound(
    parsed.data.intent === 'follow' ? followCall(db, input) : unfollowCall(db, input),
  )
  return redirect(`${here}?notice=${parsed.data.intent}ed`)
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

export default function CallPage() {
  const { call, bidCounts, outcome, notice, loginHref } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const hasDisclosure =
    call.prior_involvement.trim() !== '' || call.involved.length > 0 || call.links.length > 0
  return (
    <>
      {notice ? <DoneNotice>{t(`callPublic.notice.${notice}`)}</DoneNotice> : null}
      {call.status === 'draft' ? (
        <div className="notice notice--warn">
          <p>{t('callPublic.call.draftNotice')}</p>
        </div>
      ) : null}
      <h1>{call.title}</h1>
      <p className="meta">
        {t('callPublic.call.buyer')}
        {': '}
        <Link to={`/organisations/${call.buyer_slug}`}>{call.buyer_name}</Link> ·{' '}
        <CallStatusBadge status={call.shown_status} />
      </p>
      <p className="lead">{call.summary}</p>

      <Actions call={call} loginHref={loginHref} />

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

      <section aria-labelledby="dates-title">
        <h2 id="dates-title">{t('callPublic.dates.title')}</h2>
        <dl className="details">
          {call.published_at !== null ? (
            <>
              <dt>{t('callPublic.dates.published')}</dt>
              <dd>{formatDateTime(call.published_at, locale)}</dd>
            </>
          ) : null}
          <dt>{t('callPublic.dates.question')}</dt>
          <dd>{formatDateTime(call.question_deadline, locale)}</dd>
          <dt>{t('callPublic.dates.answers')}</dt>
          <dd>{formatDateTime(call.answers_due_at, locale)}</dd>
          <dt>{t('callPublic.dates.tender')}</dt>
          <dd>
            <strong>{formatDateTime(call.tender_deadline, locale)}</strong>
          </dd>
          <dt>{t('callPublic.dates.standstill')}</dt>
          <dd>
            {call.standstill_ends_at !== null
              ? t('callPublic.dates.standstillEnds', {
                  days: call.standstill_days,
                  date: formatDateTime(call.standstill_ends_at, locale),
                })
              : t('callPublic.dates.standstillDays', { days: call.standstill_days })}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="need-title">
        <h2 id="need-title">{t('callPublic.call.need')}</h2>
        <PlainText text={call.need} />
        {call.functional_requirements || call.novel_to_market || call.includes_rnd ? (
          <ul className="call-flags">
            {call.functional_requirements ? (
              <li>{t('call.flag.functional_requirements')}</li>
            ) : null}
            {call.novel_to_market ? <li>{t('call.flag.novel_to_market')}</li> : null}
            {call.includes_rnd ? <li>{t('call.flag.includes_rnd')}</li> : null}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{t('callPublic.call.facts')}</h2>
        <dl className="details">
          <dt>{t('callPublic.call.procedure')}</dt>
          <dd>
            <ProcedureLabel procedure={call.procedure} />
            <span className="hint"> – {t(`call.procedure.${call.procedure}.help`)}</span>
          </dd>
          <dt>{t('callPublic.call.region')}</dt>
          <dd>
            {call.municipality_name
              ? `${call.municipality_name}, ${call.county_name}`
              : call.county_name}
          </dd>
          {call.estimated_value_sek !== null ? (
            <>
              <dt>{t('callPublic.call.value')}</dt>
              <dd>{formatMoney(call.estimated_value_sek, locale)}</dd>
            </>
          ) : null}
          <dt>{t('callPublic.call.maxWinners')}</dt>
          <dd>{formatNumber(call.max_winners, locale)}</dd>
          {call.cpv.length > 0 ? (
            <>
              <dt>{t('callPublic.call.cpv')}</dt>
              <dd>
                <ul className="plain-list">
                  {call.cpv.map((c) => (
                    <li key={c.code}>
                      <Link to={`/calls?cpv=${c.code}`}>{c.code}</Link>
                      {c.label ? ` ${c.label}` : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {call.themes.length > 0 ? (
            <>
              <dt>{t('callPublic.call.themes')}</dt>
              <dd>{call.themes.map((th) => th.name).join(', ')}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="terms-title">
        <h2 id="terms-title">{t('callPublic.terms.title')}</h2>
        <p>{t('callPublic.terms.intro')}</p>
        <h3>{t('callPublic.terms.requirements')}</h3>
        {call.requirements.length === 0 ? (
          <p>{t('callPublic.terms.noRequirements')}</p>
        ) : (
          <ol className="criteria-list">
            {call.requirements.map((c) => (
              <li key={c.id}>
                <strong>{c.title}</strong>
                {c.description.trim() ? <PlainText text={c.description} /> : null}
              </li>
            ))}
          </ol>
        )}
        {call.criteria.length > 0 ? (
          <>
            <h3>{t('callPublic.terms.criteria')}</h3>
            <ol className="criteria-list">
              {call.criteria.map((c) => (
                <li key={c.id}>
                  <strong>{c.title}</strong>{' '}
                  <span className="meta">({t('call.weight', { weight: c.weight ?? 0 })})</span>
                  {c.description.trim() ? <PlainText text={c.description} /> : null}
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('callPublic.documents.title')}</h2>
        {call.documents.length === 0 ? (
          <p>{t('callPublic.documents.none')}</p>
        ) : (
          <ul className="plain-list">
            {call.documents.map((d) => (
              <li key={d.id}>
                <a href={`/calls/${call.id}/documents/${d.id}`}>{d.title}</a>{' '}
                <span className="meta">
                  {t('callPublic.documents.file', {
                    type: d.extension.toUpperCase(),
                    size: formatNumber(Math.max(1, Math.round(d.size / 1024)), locale),
                  })}
                  {d.removed_in !== null
                    ? ` ${t('callPublic.documents.superseded', { number: d.removed_in })}`
                    : d.added_in !== null
                      ? ` ${t('callPublic.documents.added', { number: d.added_in })}`
                      : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {call.amendments.length > 0 ? (
        <section aria-labelledby="amendments-title">
          <h2 id="amendments-title">{t('callPublic.amendments.title')}</h2>
          <ol className="qa-list">
            {call.amendments.map((a) => (
              <li key={a.id} className="qa-entry">
                <h3>
                  {t('callPublic.amendments.number', {
                    number: a.number,
                    date: formatDate(a.published_at, locale),
                  })}
                </h3>
                <PlainText text={a.summary} />
                {a.criteriaAdded.length + a.documentsAdded.length > 0 ? (
                  <p>
                    {t('callPublic.amendments.added', {
                      items: [...a.criteriaAdded, ...a.documentsAdded]
                        .map((c) => c.title)
                        .join(', '),
                    })}
                  </p>
                ) : null}
                {a.criteriaRemoved.length + a.documentsRemoved.length > 0 ? (
                  <p>
                    {t('callPublic.amendments.removed', {
                      items: [...a.criteriaRemoved, ...a.documentsRemoved]
                        .map((c) => c.title)
                        .join(', '),
                    })}
                  </p>
                ) : null}
                <p className="meta">
                  <CallDeadline kind="tender" at={a.tender_deadline} />
                  {' · '}
                  <CallDeadline kind="question" at={a.question_deadline} />
                  {a.changes_terms ? ` · ${t('callPublic.amendments.changesTerms')}` : null}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {hasDisclosure ? (
        <section aria-labelledby="disclosure-title">
          <h2 id="disclosure-title">{t('callPublic.disclosure.title')}</h2>
          <p>{t('callPublic.disclosure.intro')}</p>
          {call.prior_involvement.trim() ? <PlainText text={call.prior_involvement} /> : null}
          {call.involved.length > 0 ? (
            <>
              <h3>{t('callPublic.disclosure.involved')}</h3>
              <ul className="plain-list">
                {call.involved.map((c) => (
                  <li key={c.slug}>
                    <Link to={`/organisations/${c.slug}`}>{c.name}</Link>
                    {' – '}
                    {c.involvement}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {call.links.length > 0 ? (
            <>
              <h3>{t('callPublic.disclosure.links')}</h3>
              <ul className="plain-list">
                {call.links.map((l) => (
                  <li key={l.id}>
                    {l.linked_call_id !== null ? (
                      <Link to={`/calls/${l.linked_call_id}`}>{l.linked_title}</Link>
                    ) : (
                      t('callPublic.disclosure.pilot', {
                        offer: l.offer_title ?? '',
                        company: l.pilot_company_name ?? '',
                      })
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

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

/** What this viewer can do: follow, bid, or manage the call as its buyer. */
function Actions({ call, loginHref }: { call: LoaderData['call']; loginHref: string }) {
  const t = useT()
  const { viewer } = call
  const base = `/calls/${call.id}`
  const links: { key: string; node: ReactNode }[] = []
  if (viewer.is_buyer_member) {
    links.push({
      key: 'edit',
      node: (
        <Link className="button" to={`${base}/edit`}>
          {t('callPublic.actions.edit')}
        </Link>
      ),
    })
    if (call.open) {
      links.push({
        key: 'amend',
        node: (
          <Link className="button button--secondary" to={`${base}/amend`}>
            {t('callPublic.actions.amend')}
          </Link>
        ),
      })
    }
    if (call.status !== 'draft') {
      links.push({
        key: 'questions',
        node: (
          <Link className="button button--secondary" to={`${base}/questions`}>
            {t('callPublic.actions.questions')}
          </Link>
        ),
      })
    }
    if (call.deadline_passed && call.status !== 'draft') {
      links.push({
        key: 'evaluation',
        node: (
          <Link className="button button--secondary" to={`${base}/evaluation`}>
            {t('callPublic.actions.evaluation')}
          </Link>
        ),
      })
    }
  }
  if (call.open) {
    for (const company of viewer.companies) {
      links.push({
        key: `bid-${company.id}`,
        node: (
          <Link
            className="button"
            to={`${base}/bid?${new URLSearchParams({ company: company.slug })}`}
          >
            {viewer.companies.length > 1
              ? t('callPublic.actions.bidAs', { company: company.name })
              : t('callPublic.actions.bid')}
          </Link>
        ),
      })
    }
  }
  return (
    <section aria-labelledby="actions-title" className="offer-actions">
      <h2 id="actions-title">{t('callPublic.actions.title')}</h2>
      {call.open ? (
        <p>
          <CallDeadline kind="tender" at={call.tender_deadline} />
        </p>
      ) : null}
      {links.length > 0 ? (
        <ul className="actions">
          {links.map((l) => (
            <li key={l.key}>{l.node}</li>
          ))}
        </ul>
      ) : null}
      {call.open && viewer.signed_in && !viewer.is_buyer_member && viewer.companies.length === 0 ? (
        <p>
          {t('callPublic.actions.noCompany')}{' '}
          <Link to="/organisations/new">{t('callPublic.actions.registerCompany')}</Link>
        </p>
      ) : null}
      {call.status === 'draft' ? null : viewer.signed_in ? (
        <Form method="post" className="call-follow">
          <p>
            {viewer.following ? t('callPublic.follow.following') : t('callPublic.follow.explain')}
          </p>
          <button
            type="submit"
            name="intent"
            value={viewer.following ? 'unfollow' : 'follow'}
            className={viewer.following ? 'button button--secondary' : 'button'}
          >
            {viewer.following ? t('callPublic.follow.unfollow') : t('callPublic.follow.follow')}
          </button>
        </Form>
      ) : (
        <p>
          <Link to={loginHref}>{t('callPublic.follow.login')}</Link>
        </p>
      )}
    </section>
  )
}

/** The question form, or a sentence saying why the viewer cannot ask. */
function Ask({ call, loginHref }: { call: PublicCall; loginHref: string }) {
  const t = useT()
  const locale = useLocale()
  const block = call.viewer.ask_block
  if (block === 'login') {
    return (
      <p>
        <Link to={loginHref}>{t('callPublic.ask.login')}</Link>
      </p>
    )
  }
  if (block !== null) {
    return (
      <p>
        {t(`callPublic.ask.blocked.${block}`, {
          date: formatDateTime(call.question_deadline, locale),
        })}
      </p>
    )
  }
  return <AskForm call={call} />
}

function AskForm({ call }: { call: PublicCall }) {
  const t = useT()
  const locale = useLocale()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'ask',
    lastResult: actionData?.result,
    constraint: getZodConstraint(askSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: askSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <h3>{t('callPublic.ask.title')}</h3>
      <ErrorSummary form={form} />
      <p>{t('callPublic.ask.explain', { date: formatDateTime(call.question_deadline, locale) })}</p>
      <input type="hidden" name="intent" value="ask" />
      <TextareaField
        meta={fields.body}
        label={t('callPublic.ask.body')}
        hint={t('callPublic.ask.hint')}
      />
      <SubmitButton>{t('callPublic.ask.submit')}</SubmitButton>
    </Form>
  )
}

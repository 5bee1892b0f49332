import { parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { notFound, requireUser } from '~/auth/guards.server'
import { BidContentView, BidForm } from '~/components/bid-form'
import { BidStatusBadge, CallDeadline, CallStatusBadge } from '~/components/call-labels'
import { ChooseCompany } from '~/components/choose-company'
import { SubmitButton } from '~/components/forms'
import { DoneNotice, ProblemBox } from '~/components/problem'
import { formatDateTime } from '~/i18n/format'
import type { MessageKey } from '~/i18n/messages'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import {
  BidIncompleteError,
  reconfirmBid,
  saveBidDraft,
  submitBid,
  withdrawBid,
} from '~/models/bid-submission.server'
import { bidTermsForCall, getBidContext } from '~/models/bids.server'
import { bidSchema, toBidContent, toFormValue } from '~/utils/bid-schema'
import { shownCallStatus } from '~/utils/call-status'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusal } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { companyParamSchema, idParamSchema, noticeSchema, stepSchema } from './schema'
import bidsMessages from '~/i18n/messages/bids'
import callsMessages from '~/i18n/messages/calls'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [bidsMessages, callsMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('bids.page.title', { call: data.call.title }) : t('notFound.title'),
  )

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const callId = idParamSchema.safeParse(params.callId)
  if (!callId.success) throw notFound()
  const url = new URL(request.url)
  const bidContext = await orNotFound(
    getBidContext(getDb(), {
      callId: callId.data,
      userId: user.id,
      companySlug: companyParamSchema.parse(url.searchParams.get('company') ?? undefined),
      ip: clientIp(context),
    }),
  )
  const page = {
    ...bidContext,
    shownStatus: shownCallStatus(bidContext.call, now()),
    defaults: {
      company: bidContext.company?.slug,
      ...(bidContext.bid ? toFormValue(bidContext.bid.content) : {}),
    },
    notice: noticeSchema.parse(url.searchParams.get('notice')),
    step: stepSchema.parse(url.searchParams.get('step')),
  }
  // The buying organisation's members may not bid (the database refuses them too).
  return bidContext.buyerMember ? data(page, { status: 403 }) : page
}

/** Bid refusals worded for bids rather than the generic text. */
const BID_MESSAGES: Partial<Record<string, MessageKey>> = {
  deadline_passed: 'bids.errors.deadline_passed',
  bid_exists: 'bids.errors.bid_exists',
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const callId = idParamSchema.safeParse(params.callId)
  if (!callId.success) throw notFound()
  const db = getDb()
  const terms = await orNotFound(bidTermsForCall(db, callId.data))
  const submission = parseWithZod(await request.formData(), { schema: bidSchema(terms) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { intent, company } = submission.value
  const options = {
    callId: callId.data,
    userId: user.id,
    companySlug: company,
    ip: clientIp(context),
  }
  const content = toBidContent(submission.value, terms)
  const back = (companySlug: string, notice: string) =>
    redirect(`/calls/${callId.data}/bid?${new URLSearchParams({ company: companySlug, notice })}`)
  try {
    switch (intent) {
      case 'save':
        return back((await saveBidDraft(db, { ...options, content })).companySlug, 'saved')
      case 'submit': {
        const result = await submitBid(db, { ...options, content })
        return back(result.companySlug, result.unchanged ? 'unchanged' : 'submitted')
      }
      case 'reconfirm':
        return back((await reconfirmBid(db, options)).companySlug, 'reconfirmed')
      case 'withdraw':
        return back((await withdrawBid(db, options)).companySlug, 'withdrawn')
    }
  } catch (error) {
    if (error instanceof BidIncompleteError) {
      const fieldErrors = Object.fromEntries(
        Object.entries(error.missing).map(([name, key]) => [name, [key]]),
      )
      if (intent === 'reconfirm') {
        // The confirm button's form holds no answers: show the errors on the bid form but keep
        // the stored answers in it, so the bidder completes the bid rather than retyping it.
        const reply = submission.reply({
          formErrors: ['bids.errors.reconfirmIncomplete'],
          fieldErrors,
        })
        return data({ result: { ...reply, initialValue: undefined } }, { status: 400 })
      }
      return data({ result: submission.reply({ fieldErrors }) }, { status: 400 })
    }
    const refused = refusal(error)
    const message = BID_MESSAGES[refused.code] ?? refused.messageKey
    return data({ result: submission.reply({ formErrors: [message] }) }, { status: 400 })
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

export default function BidPage() {
  const page = useLoaderData<typeof loader>()
  const { call, companies, company, bid } = page
  const actionData = useActionData<typeof action>()
  const t = useT()
  const formShown = Boolean(company && call.open && page.step !== 'withdraw')
  // A refusal (deadline passed, nothing to confirm) when the page no longer shows the form.
  const problem = formShown ? undefined : actionData?.result.error?.['']?.[0]
  return (
    <>
      {page.notice ? <DoneNotice>{t(`bids.notice.${page.notice}`)}</DoneNotice> : null}
      {problem ? (
        <ProblemBox
          id="bid-error-title"
          title={t('bids.error.title')}
          message={translateError(t, problem)}
        />
      ) : null}
      <h1>{t('bids.page.title', { call: call.title })}</h1>
      <CallFacts page={page} />
      {page.buyerMember ? (
        <div className="notice notice--warn">
          <p>{t('bids.refusal.buyer')}</p>
        </div>
      ) : companies.length === 0 ? (
        <NoCompany />
      ) : !company ? (
        <ChooseCompany
          companies={companies}
          legend={t('bids.chooseCompany.legend')}
          submit={t('bids.chooseCompany.submit')}
        />
      ) : (
        <>
          <p>
            {t('bids.page.biddingAs', { company: company.name })}
            {companies.length > 1 ? (
              <>
                {' '}
                <Link to={`/calls/${call.id}/bid`}>{t('bids.page.changeCompany')}</Link>
              </>
            ) : null}
          </p>
          {bid ? <Receipt page={page} /> : null}
          {call.open ? <OpenBid page={page} /> : <ClosedBid page={page} />}
          <p>
            <Link to={`/organisations/${company.slug}/bids`}>
              {t('bids.page.allBids', { company: company.name })}
            </Link>
          </p>
        </>
      )}
    </>
  )
}

function CallFacts({ page: { call, shownStatus } }: { page: LoaderData }) {
  const t = useT()
  return (
    <>
      <dl className="details">
        <dt>{t('bids.call.buyer')}</dt>
        <dd>{call.buyer_name}</dd>
        <dt>{t('bids.call.status')}</dt>
        <dd>
          <CallStatusBadge status={shownStatus} />
        </dd>
        <dt>{t('bids.call.deadline')}</dt>
        <dd>
          <CallDeadline kind="tender" at={call.tender_deadline} />
        </dd>
      </dl>
      <p>
        <Link to={`/calls/${call.id}`}>{t('bids.page.backToCall', { call: call.title })}</Link>
      </p>
    </>
  )
}

function NoCompany() {
  const t = useT()
  return (
    <div className="notice">
      <p>{t('bids.noCompany.body')}</p>
      <p>
        <Link to="/organisations/new">{t('bids.noCompany.register')}</Link>
      </p>
    </div>
  )
}

/** The bid's state, and for a submission its exact time and fingerprint. */
function Receipt({ page }: { page: LoaderData }) {
  const t = useT()
  const locale = useLocale()
  const bid = page.bid
  if (!bid) return null
  return (
    <section aria-labelledby="bid-receipt" className="bid-receipt">
      <h2 id="bid-receipt">{t('bids.receipt.title')}</h2>
      <dl className="details">
        <dt>{t('bids.receipt.status')}</dt>
        <dd>
          <BidStatusBadge status={bid.status} />
          {bid.status === 'needs_reconfirmation' && !page.call.open ? (
            <> {t('bids.receipt.notReconfirmed')}</>
          ) : null}
        </dd>
        {bid.submitted_at !== null && bid.receipt_hash ? (
          <>
            <dt>{t('bids.receipt.submittedAt')}</dt>
            <dd>
              {formatDateTime(bid.submitted_at, locale)}{' '}
              <span className="meta">
                {t('bids.receipt.exact', {
                  time: new Date(bid.submitted_at * 1000).toISOString(),
                })}
              </span>
            </dd>
            <dt>{t('bids.receipt.fingerprint')}</dt>
            <dd>
              <code className="fingerprint">{bid.receipt_hash}</code>
            </dd>
            <dt>{t('bids.receipt.contentHash')}</dt>
            <dd>
              <code className="fingerprint">{bid.content_hash}</code>
            </dd>
          </>
        ) : (
          <>
            <dt>{t('bids.receipt.updatedAt')}</dt>
            <dd>{formatDateTime(bid.updated_at, locale)}</dd>
          </>
        )}
      </dl>
      {bid.submitted_at !== null && bid.receipt_hash ? (
        <p className="hint">{t('bids.receipt.explain')}</p>
      ) : null}
      {bid.sealProblem ? (
        <div className="notice notice--warn" role="status">
          <p>{t(`bids.sealProblem.${bid.sealProblem}`)}</p>
        </div>
      ) : null}
    </section>
  )
}

/** Before the deadline: the form, and the actions the bid's state allows. */
function OpenBid({ page }: { page: LoaderData }) {
  const t = useT()
  const locale = useLocale()
  const actionData = useActionData<typeof action>()
  const { call, company, bid } = page
  if (!company) return null
  if (bid && page.step === 'withdraw') {
    return (
      <section aria-labelledby="bid-withdraw" className="notice notice--warn">
        <h2 id="bid-withdraw">{t('bids.withdraw.title')}</h2>
        <p>{t('bids.withdraw.body')}</p>
        <Form method="post" className="actions">
          <input type="hidden" name="company" value={company.slug} />
          <SubmitButton name="intent" value="withdraw">
            {t('bids.withdraw.confirm')}
          </SubmitButton>
          <Link to={`/calls/${call.id}/bid?company=${company.slug}`}>
            {t('bids.withdraw.cancel')}
          </Link>
        </Form>
      </section>
    )
  }
  const submitted = bid?.status === 'submitted' || bid?.status === 'needs_reconfirmation'
  return (
    <>
      {bid?.status === 'needs_reconfirmation' ? (
        <section aria-labelledby="bid-reconfirm" className="notice notice--warn">
          <h2 id="bid-reconfirm">{t('bids.reconfirm.title')}</h2>
          <p>{t('bids.reconfirm.body')}</p>
          <ul>
            {bid.amendments.map((a) => (
              <li key={a.id}>
                <strong>
                  {t('bids.reconfirm.amendment', {
                    number: a.number,
                    date: formatDateTime(a.published_at, locale),
                  })}
                </strong>{' '}
                {a.summary}
                {a.criteriaAdded.length > 0 ? (
                  <p>
                    {t('bids.reconfirm.added', {
                      titles: a.criteriaAdded.map((c) => c.title).join(', '),
                    })}
                  </p>
                ) : null}
                {a.criteriaRemoved.length > 0 ? (
                  <p>
                    {t('bids.reconfirm.removed', {
                      titles: a.criteriaRemoved.map((c) => c.title).join(', '),
                    })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          <Form method="post" className="actions">
            <input type="hidden" name="company" value={company.slug} />
            <SubmitButton name="intent" value="reconfirm">
              {t('bids.reconfirm.confirm')}
            </SubmitButton>
          </Form>
          <p className="hint">{t('bids.reconfirm.orEdit')}</p>
        </section>
      ) : null}
      {bid?.status === 'withdrawn' ? <p className="notice">{t('bids.withdrawn.again')}</p> : null}
      <h2>{submitted ? t('bids.form.editTitle') : t('bids.form.title')}</h2>
      <BidForm
        terms={page.terms}
        priced={call.priced}
        companySlug={company.slug}
        defaultValue={page.defaults}
        lastResult={actionData?.result}
      >
        {submitted ? null : (
          <SubmitButton name="intent" value="save">
            {t('bids.submit.save')}
          </SubmitButton>
        )}
        <SubmitButton name="intent" value="submit">
          {submitted ? t('bids.submit.replace') : t('bids.submit.send')}
        </SubmitButton>
      </BidForm>
      {bid && bid.status !== 'withdrawn' ? (
        <p>
          <Link to={`/calls/${call.id}/bid?company=${company.slug}&step=withdraw`}>
            {t('bids.withdraw.link')}
          </Link>
        </p>
      ) : null}
    </>
  )
}

/** After the deadline: the company's own bid, read-only. */
function ClosedBid({ page }: { page: LoaderData }) {
  const t = useT()
  const { call, bid } = page
  return (
    <>
      <div className="notice">
        <p>
          {page.shownStatus === 'cancelled' ? t('bids.closed.cancelled') : t('bids.closed.body')}
        </p>
      </div>
      {bid?.sealProblem ? null : bid ? (
        <section aria-labelledby="bid-content">
          <h2 id="bid-content">{t('bids.closed.contentTitle')}</h2>
          <BidContentView terms={page.terms} content={bid.content} priced={call.priced} />
        </section>
      ) : (
        <p>{t('bids.closed.noBid')}</p>
      )}
    </>
  )
}

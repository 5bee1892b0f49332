import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getOptionalUser, notFound, requireUser } from '~/auth/guards.server'
import { ErrorSummary, SubmitButton, TextareaField } from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { DoneNotice, ProblemBox } from '~/components/problem'
import { shownLanguage } from '~/components/reference-card'
import { ReferenceStatusBadge } from '~/components/reference-labels'
import { ReferencePeriod, ReferenceResultsTable } from '~/components/reference-results'
import { formatDate, formatDateTime } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { isLocale, type Locale } from '~/i18n/locales'
import { getTranslator } from '~/i18n/messages'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import {
  approveReference,
  setContactConsent,
  withdrawReference,
} from '~/models/reference-approval.server'
import {
  getReferenceForEdit,
  getReferenceForViewer,
  type ReferencePartyView,
  type ReferenceView,
} from '~/models/reference-cases.server'
import { deleteDraftReference } from '~/models/reference-editing.server'
import { getDb } from '~/utils/db.server'
import { type FormReplier, orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import {
  approveSchema,
  emptySchema,
  REFERENCE_CONFIRMS,
  REFERENCE_NOTICES,
  type ReferenceIntent,
  referenceIdSchema,
  referenceIntentSchema,
  withdrawSchema,
} from '~/utils/reference-schema'
import { clientIp } from '~/utils/request.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => {
    if (!data) return t('notFound.title')
    const r = data.reference
    return data.lang === 'en' && r.title_en ? r.title_en : r.title_sv
  })

function parseReferenceId(params: { referenceId?: string }): number {
  const id = referenceIdSchema.safeParse(params.referenceId)
  if (!id.success) throw notFound()
  return id.data
}

function pick<T extends string>(values: readonly T[], value: string | null): T | null {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : null
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const referenceId = parseReferenceId(params)
  const user = await getOptionalUser(request)
  const view = await orNotFound(getReferenceForViewer(getDb(), referenceId, user?.id ?? null))
  const url = new URL(request.url)
  const hasEnglish = view.reference.title_en !== null
  const asked = url.searchParams.get('lang')
  // The version asked for when it exists; else the viewer's language when it exists; else
  // Swedish, which every case has.
  const lang: Locale =
    isLocale(asked) && (asked === 'sv' || hasEnglish)
      ? asked
      : shownLanguage(getLocale(request), hasEnglish)
  return {
    ...view,
    lang,
    hasEnglish,
    confirm: view.party ? pick(REFERENCE_CONFIRMS, url.searchParams.get('confirm')) : null,
    notice: view.party ? pick(REFERENCE_NOTICES, url.searchParams.get('notice')) : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const referenceId = parseReferenceId(params)
  const user = await requireUser(request)
  const db = getDb()
  // Every action is the parties'; anyone else gets 404 before the form is read.
  await orNotFound(getReferenceForEdit(db, referenceId, user.id))
  const formData = await request.formData()
  const intent = referenceIntentSchema.safeParse(formData.get('intent'))
  if (!intent.success) throw data('bad request', { status: 400 })
  const ip = clientIp(context)
  const here = `/references/${referenceId}`

  const fail = (result: SubmissionResult<string[]>) =>
    data({ intent: intent.data as ReferenceIntent, result }, { status: 400 })

  async function attempt(submission: FormReplier, run: () => Promise<string>) {
    let to: string
    try {
      to = await run()
    } catch (error) {
      return fail(refusalReply(submission, error))
    }
    return redirect(to)
  }

  switch (intent.data) {
    case 'approve': {
      const submission = parseWithZod(formData, { schema: approveSchema })
      if (submission.status !== 'success') return fail(submission.reply())
      return attempt(submission, async () => {
        const { published } = await approveReference(db, {
          referenceId,
          userId: user.id,
          revision: submission.value.revision,
          ip,
        })
        return `${here}?notice=${published ? 'published' : 'approved'}`
      })
    }
    case 'withdraw': {
      const submission = parseWithZod(formData, { schema: withdrawSchema })
      if (submission.status !== 'success') return fail(submission.reply())
      return attempt(submission, async () => {
        await withdrawReference(db, {
          referenceId,
          userId: user.id,
          reason: submission.value.reason,
          ip,
        })
        return `${here}?notice=withdrawn`
      })
    }
    case 'delete': {
      const submission = parseWithZod(formData, { schema: emptySchema })
      if (submission.status !== 'success') return fail(submission.reply())
      return attempt(submission, async () => {
        const { organisationSlug } = await deleteDraftReference(db, {
          referenceId,
          userId: user.id,
          ip,
        })
        return `/organisations/${organisationSlug}/references?notice=deleted`
      })
    }
    case 'consent':
    case 'withdrawConsent': {
      const submission = parseWithZod(formData, { schema: emptySchema })
      if (submission.status !== 'success') return fail(submission.reply())
      const consent = intent.data === 'consent'
      return attempt(submission, async () => {
        await setContactConsent(db, { referenceId, userId: user.id, consent, ip })
        return `${here}?notice=${consent ? 'consented' : 'consentWithdrawn'}`
      })
    }
  }
}

type View = Awaited<ReturnType<typeof loader>>

/** The action's answer for one of the page's forms, so each form shows only its own errors. */
function useResultFor(...intents: ReferenceIntent[]) {
  const actionData = useActionData<typeof action>()
  return actionData && intents.includes(actionData.intent) ? actionData.result : undefined
}

export default function ReferencePage() {
  const view = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      {view.notice ? <DoneNotice>{t(`reference.notice.${view.notice}`)}</DoneNotice> : null}
      {view.party ? <PartyPanel view={view} party={view.party} /> : null}
      <ReferenceContent reference={view.reference} lang={view.lang} hasEnglish={view.hasEnglish} />
    </>
  )
}

/** The case itself, in the version chosen; headings follow that version's language. */
function ReferenceContent({
  reference: r,
  lang,
  hasEnglish,
}: {
  reference: ReferenceView
  lang: Locale
  hasEnglish: boolean
}) {
  const ui = useT()
  const locale = useLocale()
  const t = getTranslator(lang)
  const en = lang === 'en'
  const text = {
    title: en ? r.title_en! : r.title_sv,
    summary: en ? r.summary_en! : r.summary_sv,
    challenge: en ? r.challenge_en! : r.challenge_sv,
    solution: en ? r.solution_en! : r.solution_sv,
    deployment: en ? r.deployment_en! : r.deployment_sv,
    participants: en ? r.participants_en! : r.participants_sv,
    quote: en ? (r.quote_en ?? '') : r.quote_sv,
  }
  return (
    <article className="reference-case" lang={lang === locale ? undefined : lang}>
      {r.status === 'published' ? (
        <p className="meta reference-kicker">{t('reference.page.kicker')}</p>
      ) : null}
      <h1>{text.title}</h1>
      <div className="reference-versions">
        <p>{t(hasEnglish ? 'reference.page.languagesBoth' : 'reference.page.languagesSv')}</p>
        {hasEnglish ? (
          <nav aria-label={ui('reference.page.versionNav')} lang={locale}>
            <ul className="reference-version-switch">
              {(['sv', 'en'] as const).map((l) => (
                <li key={l}>
                  <Link
                    to={`?lang=${l}`}
                    lang={l}
                    aria-current={l === lang ? 'page' : undefined}
                    preventScrollReset
                  >
                    {l === 'sv'
                      ? ui('reference.languages.svName')
                      : ui('reference.languages.enName')}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
      <p className="lead">{text.summary}</p>
      <dl className="details reference-facts">
        <dt>{t('reference.page.publicBody')}</dt>
        <dd>
          <Link to={`/organisations/${r.publicBody.slug}`}>{r.publicBody.name}</Link>
        </dd>
        <dt>{t('reference.page.company')}</dt>
        <dd>
          <Link to={`/organisations/${r.company.slug}`}>{r.company.name}</Link>
          {r.company.size_class ? ` (${t(`org.size.${r.company.size_class}`)})` : null}
        </dd>
        <dt>{t('reference.page.source')}</dt>
        <dd>
          {r.source.kind === 'pilot' ? (
            <>
              {t('reference.page.fromPilot')}{' '}
              <Link to={`/test-beds/${r.source.offerId}`} lang="sv">
                {r.source.title}
              </Link>
            </>
          ) : (
            <>
              {t('reference.page.fromCall')}{' '}
              <Link to={`/calls/${r.source.callId}`} lang="sv">
                {r.source.title}
              </Link>
            </>
          )}
        </dd>
        <dt>{t('reference.page.place')}</dt>
        <dd>{r.place}</dd>
        <dt>{t('reference.page.period')}</dt>
        <dd>
          <PeriodIn lang={lang} startedOn={r.started_on} endedOn={r.ended_on} />
        </dd>
        <dt>{t('reference.page.wouldUseAgain')}</dt>
        <dd>{t(r.would_use_again ? 'reference.yes' : 'reference.no')}</dd>
        {r.first_published_at !== null ? (
          <>
            <dt>{t('reference.page.firstPublished')}</dt>
            <dd>{formatDate(r.first_published_at, lang)}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t('reference.page.challenge')}</h2>
      <PlainText text={text.challenge} />
      <h2>{t('reference.page.solution')}</h2>
      <PlainText text={text.solution} />
      <h2>{t('reference.page.deployment')}</h2>
      <PlainText text={text.deployment} />
      <h2>{t('reference.page.participants')}</h2>
      <PlainText text={text.participants} />

      <ReferenceResultsTable results={r.results} lang={lang} />

      {text.quote ? (
        <figure className="reference-quote">
          <blockquote>
            <p>{text.quote}</p>
          </blockquote>
          <figcaption>{t('reference.page.quoteBy', { role: r.quote_by_role })}</figcaption>
        </figure>
      ) : null}

      {r.takes_reference_calls ? (
        <section aria-labelledby="reference-calls-heading" className="reference-calls">
          <h2 id="reference-calls-heading">{t('reference.page.callsHeading')}</h2>
          <p>
            {r.contact_name
              ? t('reference.page.contactNamed', {
                  role: r.contact_role,
                  name: r.contact_name,
                  organisation: r.publicBody.name,
                })
              : t('reference.page.contactRole', {
                  role: r.contact_role,
                  organisation: r.publicBody.name,
                })}
          </p>
          {r.status === 'published' ? (
            <p className="reference-call-link">
              <Link to={`/references/${r.id}/contact`} className="button">
                {t('reference.page.requestCall')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </article>
  )
}

/** The period in the version's language (the shared component follows the page's language). */
function PeriodIn({
  lang,
  startedOn,
  endedOn,
}: {
  lang: Locale
  startedOn: number
  endedOn: number | null
}) {
  const locale = useLocale()
  if (lang === locale) return <ReferencePeriod startedOn={startedOn} endedOn={endedOn} />
  const t = getTranslator(lang)
  const from = formatDate(startedOn, lang)
  return (
    <>
      {endedOn === null
        ? t('reference.period.ongoing', { from })
        : t('reference.period.range', { from, to: formatDate(endedOn, lang) })}
    </>
  )
}

/** For the two parties: state, approvals, and what they can do next. */
function PartyPanel({ view, party }: { view: View; party: ReferencePartyView }) {
  const t = useT()
  const locale = useLocale()
  const r = view.reference
  const lastResult = useResultFor('approve', 'delete', 'consent', 'withdrawConsent')
  const problem = lastResult?.error?.['']?.[0]
  const sides = [
    { key: 'public_body' as const, name: r.publicBody.name },
    { key: 'company' as const, name: r.company.name },
  ]
  const ownName = party.side === 'public_body' ? r.publicBody.name : r.company.name
  return (
    <section aria-labelledby="reference-party-heading" className="reference-party">
      <h2 id="reference-party-heading">{t('reference.party.heading')}</h2>
      {problem ? (
        <ProblemBox
          id="reference-problem"
          title={t('reference.party.problem')}
          message={translateError(t, problem)}
        />
      ) : null}
      <p>
        <ReferenceStatusBadge status={r.status} />{' '}
        {t('reference.party.revision', { revision: r.revision })}
        {' · '}
        {t('reference.party.updated', {
          time: formatDateTime(party.updatedAt, locale),
          name: party.updatedByName,
        })}
      </p>
      {party.withdrawn ? (
        <div className="notice notice--warn">
          <p>
            {t('reference.party.withdrawnBy', {
              time: formatDateTime(party.withdrawn.at, locale),
              name: party.withdrawn.byName,
              organisation: party.withdrawn.organisationName,
            })}
          </p>
          <p>{t('reference.party.withdrawnReason', { reason: party.withdrawn.reason })}</p>
        </div>
      ) : null}
      <p>{t('reference.party.rule', { publicBody: r.publicBody.name, company: r.company.name })}</p>
      <h3>{t('reference.party.approvalsHeading', { revision: r.revision })}</h3>
      <ul className="reference-approvals">
        {sides.map((s) => {
          const a = party.approvals[s.key]
          return (
            <li key={s.key}>
              <strong>{s.name}</strong>
              {': '}
              {a ? (
                <>
                  <span className="badge badge--ok">{t('reference.party.approved')}</span>{' '}
                  {t('reference.party.approvedBy', {
                    revision: a.revision,
                    name: a.byName,
                    time: formatDateTime(a.at, locale),
                  })}
                </>
              ) : (
                <span className="badge badge--warn">{t('reference.party.waiting')}</span>
              )}
            </li>
          )
        })}
      </ul>
      <div className="actions reference-actions">
        {party.canApprove ? (
          <Form method="post">
            <input type="hidden" name="revision" value={String(r.revision)} />
            <SubmitButton name="intent" value="approve">
              {t('reference.party.approve', { revision: r.revision, organisation: ownName })}
            </SubmitButton>
          </Form>
        ) : null}
        <Link to={`/references/${r.id}/edit`} className="button button--secondary">
          {t('reference.party.edit')}
        </Link>
        {party.canWithdraw && view.confirm !== 'withdraw' ? (
          <Link
            to="?confirm=withdraw#reference-confirm"
            className="button button--secondary"
            preventScrollReset
          >
            {t('reference.party.withdraw')}
          </Link>
        ) : null}
        {party.canDelete && view.confirm !== 'delete' ? (
          <Link
            to="?confirm=delete#reference-confirm"
            className="button button--secondary"
            preventScrollReset
          >
            {t('reference.party.delete')}
          </Link>
        ) : null}
      </div>
      {party.canWithdraw && view.confirm === 'withdraw' ? <ConfirmWithdraw /> : null}
      {party.canDelete && view.confirm === 'delete' ? <ConfirmDelete /> : null}
      {party.isPublicBodyMember ? <ContactConsent view={view} party={party} /> : null}
    </section>
  )
}

function ConfirmWithdraw() {
  const t = useT()
  const lastResult = useResultFor('withdraw')
  const [form, fields] = useForm({
    id: 'reference-withdraw',
    lastResult,
    constraint: getZodConstraint(withdrawSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: withdrawSchema }),
  })
  return (
    <section
      id="reference-confirm"
      aria-labelledby="reference-confirm-heading"
      className="notice notice--warn reference-confirm"
    >
      <h3 id="reference-confirm-heading">{t('reference.withdraw.heading')}</h3>
      <p>{t('reference.withdraw.explain')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <TextareaField
          meta={fields.reason}
          label={t('reference.withdraw.reason')}
          hint={t('reference.withdraw.reasonHint')}
          rows={3}
        />
        <div className="actions">
          <SubmitButton name="intent" value="withdraw">
            {t('reference.withdraw.submit')}
          </SubmitButton>
          <Link to="?" preventScrollReset>
            {t('reference.confirm.cancel')}
          </Link>
        </div>
      </Form>
    </section>
  )
}

function ConfirmDelete() {
  const t = useT()
  return (
    <section
      id="reference-confirm"
      aria-labelledby="reference-confirm-heading"
      className="notice notice--warn reference-confirm"
    >
      <h3 id="reference-confirm-heading">{t('reference.delete.heading')}</h3>
      <p>{t('reference.delete.explain')}</p>
      <Form method="post" className="actions">
        <SubmitButton name="intent" value="delete">
          {t('reference.delete.submit')}
        </SubmitButton>
        <Link to="?" preventScrollReset>
          {t('reference.confirm.cancel')}
        </Link>
      </Form>
    </section>
  )
}

/** A public-body member agrees (or no longer agrees) to be named as the contact. */
function ContactConsent({ view, party }: { view: View; party: ReferencePartyView }) {
  const t = useT()
  const r = view.reference
  return (
    <section aria-labelledby="reference-consent-heading" className="reference-consent">
      <h3 id="reference-consent-heading">{t('reference.consent.heading')}</h3>
      <p>{t('reference.consent.explain')}</p>
      {!r.takes_reference_calls ? <p className="hint">{t('reference.consent.notTaking')}</p> : null}
      {party.isContact ? (
        <>
          <p>{t('reference.consent.youAre')}</p>
          <Form method="post">
            <SubmitButton name="intent" value="withdrawConsent">
              {t('reference.consent.withdraw')}
            </SubmitButton>
          </Form>
        </>
      ) : party.contactUserId !== null ? (
        <p>{t('reference.consent.someoneElse', { name: party.contactName ?? '' })}</p>
      ) : (
        <Form method="post">
          <SubmitButton name="intent" value="consent">
            {t('reference.consent.agree')}
          </SubmitButton>
        </Form>
      )}
    </section>
  )
}

import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form, Link, useActionData } from '@remix-run/react'
import { ErrorSummary, SubmitButton, TextareaField } from '~/components/forms'
import { ProblemBox } from '~/components/problem'
import { ReferenceStatusBadge } from '~/components/reference-labels'
import { formatDateTime } from '~/i18n/format'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import type { ReferencePartyView } from '~/models/reference-cases.server'
import { type ReferenceIntent, withdrawSchema } from '~/utils/reference-schema'
import type { action, loader } from './route'

type View = Awaited<ReturnType<typeof loader>>

/** The action's answer for one of the page's forms, so each form shows only its own errors. */
function useResultFor(...intents: ReferenceIntent[]) {
  const actionData = useActionData<typeof action>()
  return actionData && intents.includes(actionData.intent) ? actionData.result : undefined
}

/** For the two parties: state, approvals, and what they can do next. */
export function PartyPanel({ view, party }: { view: View; party: ReferencePartyView }) {
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

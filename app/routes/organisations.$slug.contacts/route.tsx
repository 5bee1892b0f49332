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
import { notFound } from '~/auth/guards.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { pageFilter } from '~/components/catalogue/filters'
import { LedgerPages } from '~/components/ledger-pages'
import { ListTable } from '~/components/list-table'
import { formatDate, formatNumber } from '~/i18n/format'
import catalogueMessages from '~/i18n/messages/catalogue'
import contactsMessages from '~/i18n/messages/contacts'
import errorsMessages from '~/i18n/messages/errors'
import { useLocale, useT } from '~/i18n/use-t'
import { contactBriefing, findCompanies, listAuthoredContacts } from '~/models/contact-reads.server'
import { recordContact, today } from '~/models/contacts.server'
import { listOrganisationInitiatives } from '~/models/initiative-reads.server'
import { canOwnInitiatives } from '~/models/initiatives.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import {
  CONTACT_KIND_VALUES,
  companyParamSchema,
  companySearchSchema,
  contactSchema,
} from './schema'

// The contact ledger of a verified public body or intermediary (decision record 029): the contacts
// it recorded, and a new one: choose a company, see its recent contacts (six months, where shared)
// and its preference, confirm having seen them, record. Anyone else gets 404.

export const handle = { i18n: [catalogueMessages, contactsMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('contacts.ledger.title', { name: data.org.name }) : t('notFound.title'),
  )

async function requireRecorder(request: Request, params: { slug?: string }) {
  const { user, org } = await requireOrganisationMember(request, params)
  if (!canOwnInitiatives(org)) throw notFound()
  return { user, org }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org } = await requireRecorder(request, params)
  const db = getDb()
  const url = new URL(request.url)
  const chosen = companyParamSchema.safeParse(url.searchParams.get('company'))
  const page = pageFilter.parse(url.searchParams.get('page') ?? undefined)
  const q = companySearchSchema.parse(url.searchParams.get('q') ?? undefined)
  const [contacts, companies, initiatives, briefing] = await Promise.all([
    orNotFound(listAuthoredContacts(db, { organisationId: org.id, userId: user.id, page })),
    q ? findCompanies(db, q) : Promise.resolve(null),
    listOrganisationInitiatives(db, org.id),
    chosen.success
      ? orNotFound(contactBriefing(db, { companyId: chosen.data, userId: user.id }))
      : Promise.resolve(null),
  ])
  const notice = url.searchParams.get('notice') === 'recorded'
  return {
    org: { slug: org.slug, name: org.name },
    contacts,
    q: q ?? '',
    companies,
    initiatives: initiatives.map((i) => ({ id: i.id, title: i.title })),
    briefing,
    today: today(),
    notice,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, org } = await requireRecorder(request, params)
  const submission = parseWithZod(await request.formData(), { schema: contactSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { company_id, initiative_id, acknowledged, ...input } = submission.value
  try {
    await recordContact(getDb(), {
      authorOrganisationId: org.id,
      userId: user.id,
      companyId: company_id,
      initiativeId: initiative_id ?? null,
      acknowledgedAt: acknowledged ? now() : null,
      input,
      ip: clientIp(context),
    })
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
  return redirect(`/organisations/${org.slug}/contacts?notice=recorded`)
}

export default function ContactLedger() {
  const { org, contacts, q, companies, initiatives, briefing, today, notice } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const day = (value: string) => formatDate(Date.parse(`${value}T12:00:00Z`) / 1000, locale)
  const [form, fields] = useForm({
    id: 'contact',
    lastResult: actionData?.result,
    constraint: getZodConstraint(contactSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { company_id: briefing ? String(briefing.company.id) : '', contacted_on: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contactSchema }),
  })
  return (
    <>
      <h1>{t('contacts.ledger.title', { name: org.name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}`}>{t('contacts.aboutUs.back')}</Link>
      </p>
      {notice ? <p role="status">{t('contacts.ledger.recorded')}</p> : null}
      <p>{t('contacts.ledger.intro')}</p>
      <section aria-labelledby="new-contact-title">
        <h2 id="new-contact-title">{t('contacts.ledger.newTitle')}</h2>
        <Form method="get" className="stack" role="search">
          <div className="field">
            <label htmlFor="company-search">{t('contacts.ledger.findCompany')}</label>
            <p id="company-search-hint" className="hint">
              {t('contacts.ledger.findHint')}
            </p>
            <input
              id="company-search"
              name="q"
              type="search"
              className="input"
              defaultValue={q}
              aria-describedby="company-search-hint"
            />
          </div>
          <div className="actions">
            <button type="submit" className="button button--secondary">
              {t('contacts.ledger.search')}
            </button>
          </div>
        </Form>
        {companies ? (
          companies.items.length === 0 ? (
            <p>{t('contacts.ledger.noMatch', { q })}</p>
          ) : (
            <>
              <h3 id="company-matches">{t('contacts.ledger.matches')}</h3>
              <ul aria-labelledby="company-matches">
                {companies.items.map((c) => (
                  <li key={c.id}>
                    <Link
                      to={`?${new URLSearchParams({ q, company: String(c.id) })}`}
                      aria-current={briefing?.company.id === c.id ? 'true' : undefined}
                    >
                      {c.name}
                    </Link>
                    {c.municipality_name ? `, ${c.municipality_name}` : ''}
                  </li>
                ))}
              </ul>
              {companies.more ? <p className="meta">{t('contacts.ledger.moreMatches')}</p> : null}
            </>
          )
        ) : null}
        {briefing ? (
          <>
            <h3>{t('contacts.ledger.recentTitle', { name: briefing.company.name })}</h3>
            <p>
              {t('contacts.aboutUs.preference', {
                channel: t(`contacts.channel.${briefing.settings.preferred_channel}`),
              })}
              {briefing.settings.preference_note ? ` ${briefing.settings.preference_note}` : ''}
              {briefing.settings.not_before
                ? ` ${t('contacts.aboutUs.notBefore', { date: day(briefing.settings.not_before) })}`
                : ''}
            </p>
            {briefing.more ? (
              <p className="meta">
                {t('contacts.ledger.recentMore', {
                  count: formatNumber(briefing.recent.length, locale),
                })}
              </p>
            ) : null}
            <ListTable
              count={briefing.recent.length}
              empty={t('contacts.ledger.recentEmpty')}
              caption={t('contacts.ledger.recentCaption')}
              columns={[
                t('contacts.col.date'),
                t('contacts.col.author'),
                t('contacts.col.kind'),
                t('contacts.col.purpose'),
              ]}
            >
              {briefing.recent.map((c) => (
                <tr key={c.id}>
                  <td>{day(c.contacted_on)}</td>
                  <th scope="row">{c.author_name}</th>
                  <td>{t(`contacts.kind.${c.kind}`)}</td>
                  <td>{c.purpose}</td>
                </tr>
              ))}
            </ListTable>
            <Form method="post" {...getFormProps(form)} className="stack">
              <ErrorSummary form={form} />
              <input type="hidden" name="company_id" value={briefing.company.id} />
              <TextField meta={fields.contacted_on} label={t('contacts.col.date')} type="date" />
              <SelectField
                meta={fields.kind}
                label={t('contacts.col.kind')}
                options={CONTACT_KIND_VALUES.map((k) => ({
                  value: k,
                  label: t(`contacts.kind.${k}`),
                }))}
              />
              <TextareaField meta={fields.purpose} label={t('contacts.col.purpose')} rows={3} />
              <SelectField
                meta={fields.initiative_id}
                label={t('contacts.col.initiative')}
                required={false}
                placeholder={t('contacts.noInitiative')}
                hint={t('contacts.ledger.initiativeHint')}
                options={initiatives.map((i) => ({ value: String(i.id), label: i.title }))}
              />
              <CheckboxField
                meta={fields.acknowledged}
                label={t('contacts.ledger.acknowledge', { name: briefing.company.name })}
              />
              <div className="actions">
                <SubmitButton>{t('contacts.ledger.record')}</SubmitButton>
              </div>
            </Form>
          </>
        ) : null}
      </section>
      <section aria-labelledby="recorded-title">
        <h2 id="recorded-title">{t('contacts.ledger.recordedTitle')}</h2>
        <ListTable
          count={contacts.items.length}
          empty={t('contacts.ledger.empty')}
          caption={t('contacts.ledger.caption')}
          columns={[
            t('contacts.col.date'),
            t('contacts.col.company'),
            t('contacts.col.kind'),
            t('contacts.col.purpose'),
            t('contacts.col.initiative'),
            t('contacts.ledger.correctLink'),
          ]}
        >
          {contacts.items.map((c) => (
            <tr key={c.id}>
              <td>{day(c.contacted_on)}</td>
              <th scope="row">{c.company_name}</th>
              <td>{t(`contacts.kind.${c.kind}`)}</td>
              <td>
                {c.purpose}
                {c.revision > 1 ? (
                  <>
                    {' '}
                    <span className="hint">
                      {t('contacts.corrected', { revision: c.revision })}
                    </span>
                  </>
                ) : null}
              </td>
              <td>{c.initiative_title ?? t('contacts.noInitiative')}</td>
              <td>
                <Link to={`/organisations/${org.slug}/contacts/${c.id}`}>
                  {t('contacts.ledger.correctLink')}
                  <span className="visually-hidden">
                    {' '}
                    {t('contacts.ledger.correctContext', {
                      company: c.company_name,
                      date: day(c.contacted_on),
                    })}
                  </span>
                </Link>
              </td>
            </tr>
          ))}
        </ListTable>
        <LedgerPages
          list={contacts}
          hrefFor={(p) => `/organisations/${org.slug}/contacts${p > 1 ? `?page=${p}` : ''}`}
        />
      </section>
    </>
  )
}

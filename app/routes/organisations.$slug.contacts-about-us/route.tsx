import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/guards.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { pageFilter } from '~/components/catalogue/filters'
import { LedgerPages } from '~/components/ledger-pages'
import { ListTable } from '~/components/list-table'
import { formatDate } from '~/i18n/format'
import catalogueMessages from '~/i18n/messages/catalogue'
import contactsMessages from '~/i18n/messages/contacts'
import { useLocale, useT } from '~/i18n/use-t'
import { getContactSettings, listContactsAboutCompany } from '~/models/contact-reads.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'

// The company's own view of the contact ledger (decision record 029): every contact about it,
// shared or not. Only its members; anyone else gets 404.

export const handle = { i18n: [catalogueMessages, contactsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('contacts.aboutUs.title', { name: data.company.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org } = await requireOrganisationMember(request, params)
  if (org.kind !== 'company') throw notFound()
  const db = getDb()
  const page = pageFilter.parse(new URL(request.url).searchParams.get('page') ?? undefined)
  const contacts = await orNotFound(
    listContactsAboutCompany(db, { companyId: org.id, userId: user.id, page }),
  )
  const settings = await getContactSettings(db, org.id)
  return { company: { name: org.name, slug: org.slug }, contacts, settings }
}

export default function ContactsAboutUs() {
  const { company, contacts, settings } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const day = (value: string) => formatDate(Date.parse(`${value}T12:00:00Z`) / 1000, locale)
  return (
    <>
      <h1>{t('contacts.aboutUs.title', { name: company.name })}</h1>
      <p>
        <Link to={`/organisations/${company.slug}`}>{t('contacts.aboutUs.back')}</Link>
      </p>
      <p>{t('contacts.aboutUs.intro')}</p>
      <ul>
        <li>
          {settings.share_contacts ? t('contacts.aboutUs.shared') : t('contacts.aboutUs.notShared')}
        </li>
        <li>
          {t('contacts.aboutUs.preference', {
            channel: t(`contacts.channel.${settings.preferred_channel}`),
          })}
          {settings.preference_note ? ` ${settings.preference_note}` : ''}
        </li>
        {settings.not_before ? (
          <li>{t('contacts.aboutUs.notBefore', { date: day(settings.not_before) })}</li>
        ) : null}
      </ul>
      <ListTable
        count={contacts.items.length}
        empty={t('contacts.aboutUs.empty')}
        caption={t('contacts.aboutUs.caption')}
        columns={[
          t('contacts.col.date'),
          t('contacts.col.author'),
          t('contacts.col.kind'),
          t('contacts.col.purpose'),
          t('contacts.col.initiative'),
        ]}
      >
        {contacts.items.map((c) => (
          <tr key={c.id}>
            <td>{day(c.contacted_on)}</td>
            <th scope="row">
              <Link to={`/organisations/${c.author_slug}`}>{c.author_name}</Link>
            </th>
            <td>{t(`contacts.kind.${c.kind}`)}</td>
            <td>
              {c.purpose}
              {c.revision > 1 ? (
                <>
                  {' '}
                  <span className="hint">{t('contacts.corrected', { revision: c.revision })}</span>
                </>
              ) : null}
            </td>
            <td>
              {c.initiative_id !== null ? (
                <Link to={`/initiatives/${c.initiative_id}`}>{c.initiative_title}</Link>
              ) : (
                t('contacts.noInitiative')
              )}
            </td>
          </tr>
        ))}
      </ListTable>
      <LedgerPages
        list={contacts}
        hrefFor={(p) =>
          `/organisations/${company.slug}/contacts-about-us${p > 1 ? `?page=${p}` : ''}`
        }
      />
    </>
  )
}

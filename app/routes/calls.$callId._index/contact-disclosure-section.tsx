import { ListTable } from '~/components/list-table'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { listCallContactDisclosures } from '~/models/contact-reads.server'

// The market-dialogue disclosure of contacts (decision record 029): the firms the buyer met within
// the call's initiative, when and about what, copied by the database at publication.

type Disclosed = Awaited<ReturnType<typeof listCallContactDisclosures>>

export function ContactDisclosureSection({ contacts }: { contacts: Disclosed }) {
  const t = useT()
  const locale = useLocale()
  if (contacts.length === 0) return null
  const day = (value: string) => formatDate(Date.parse(`${value}T12:00:00Z`) / 1000, locale)
  return (
    <section aria-labelledby="contact-disclosure-title">
      <h2 id="contact-disclosure-title">{t('contacts.disclosure.title')}</h2>
      <p>{t('contacts.disclosure.intro')}</p>
      <ListTable
        count={contacts.length}
        empty=""
        caption={t('contacts.disclosure.caption')}
        columns={[
          t('contacts.col.company'),
          t('contacts.col.date'),
          t('contacts.col.kind'),
          t('contacts.col.purpose'),
          t('contacts.col.author'),
        ]}
      >
        {contacts.map((c) => (
          <tr key={c.contact_id}>
            <th scope="row">{c.company_name}</th>
            <td>{day(c.contacted_on)}</td>
            <td>{t(`contacts.kind.${c.kind}`)}</td>
            <td>{c.purpose}</td>
            <td>{c.author_name}</td>
          </tr>
        ))}
      </ListTable>
    </section>
  )
}

import { Form, useSearchParams } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { DoneNotice } from './problem'

// "Belongs to initiative" on a call's and a test-bed offer's edit page: a select of the
// initiatives the organisation owns or co-owns, posted to /initiatives/link (works without
// JavaScript), which comes back here with ?initiative=saved.

export function InitiativeLinkSection({
  kind,
  id,
  link,
}: {
  kind: 'call' | 'offer'
  id: number
  link: { current: number | null; options: ReadonlyArray<{ id: number; title: string }> }
}) {
  const t = useT()
  const [params] = useSearchParams()
  if (link.options.length === 0 && link.current === null) return null
  return (
    <section aria-labelledby="initiative-link-heading">
      <h2 id="initiative-link-heading">{t('initiativeLink.label')}</h2>
      {params.get('initiative') === 'saved' ? (
        <DoneNotice>{t('initiativeLink.saved')}</DoneNotice>
      ) : null}
      <Form method="post" action="/initiatives/link" className="stack">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <div className="field">
          <label htmlFor="initiative-link">{t('initiativeLink.label')}</label>
          <p className="hint" id="initiative-link-hint">
            {t('initiativeLink.hint')}
          </p>
          <select
            id="initiative-link"
            name="initiative_id"
            className="input"
            defaultValue={link.current ?? ''}
            aria-describedby="initiative-link-hint"
          >
            <option value="">{t('initiativeLink.none')}</option>
            {link.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t('initiativeLink.submit')}
          </button>
        </div>
      </Form>
    </section>
  )
}

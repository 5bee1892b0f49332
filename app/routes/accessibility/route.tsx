import type { MetaFunction } from '@remix-run/node'
import { useT } from '~/i18n/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'a11y.title')

export default function Accessibility() {
  const t = useT()
  return (
    <article>
      <h1>{t('a11y.title')}</h1>
      <p>{t('a11y.intro')}</p>
      <h2>{t('a11y.how.title')}</h2>
      <p>{t('a11y.how.body')}</p>
      <h2>{t('a11y.known.title')}</h2>
      <p>{t('a11y.known.body')}</p>
      <h2>{t('a11y.contact.title')}</h2>
      <p>{t('a11y.contact.body')}</p>
    </article>
  )
}

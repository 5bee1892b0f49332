import { Form, Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import type { AdminCompetition } from '~/models/competitions-admin-view.server'
import { ButtonProblem } from './section-helpers'

export function PublishSection({
  competition: c,
  confirm,
}: {
  competition: AdminCompetition
  confirm: boolean
}) {
  const t = useT()
  const missing = c.categories.filter((category) => !category.hasWinner)
  return (
    <section aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('competition.admin.publishHeading')}</h2>
      <p>{t('competition.admin.publishHelp')}</p>
      {missing.length > 0 ? (
        <p>
          {t('competition.admin.publishMissing', {
            categories: missing.map((category) => category.nameSv).join(', '),
          })}
        </p>
      ) : null}
      <ButtonProblem intent="publish" />
      {confirm ? (
        <div className="notice notice--warn">
          <h3>{t('competition.admin.publishConfirmTitle', { year: c.year })}</h3>
          <p>{t('competition.admin.publishConfirmBody')}</p>
          <Form method="post" action={`/admin/competitions/${c.year}`} className="actions">
            <button type="submit" name="intent" value="publish" className="button">
              {t('competition.admin.publishConfirm')}
            </button>
            <Link to={`/admin/competitions/${c.year}`} className="button button--secondary">
              {t('competition.admin.publishCancel')}
            </Link>
          </Form>
        </div>
      ) : (
        <p className="actions">
          <Link to="?confirm=publish" className="button">
            {t('competition.admin.publish')}
          </Link>
        </p>
      )}
    </section>
  )
}

import { Form } from '@remix-run/react'
import { SubmitButton } from '~/components/forms'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { AdminCompetition } from '~/models/competitions-admin-view.server'
import { ButtonProblem } from './section-helpers'

export function StartJudgingSection({ competition: c }: { competition: AdminCompetition }) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="judging-heading">
      <h2 id="judging-heading">{t('competition.admin.judgingHeading')}</h2>
      <p>
        {t(c.closed ? 'competition.admin.judgingReady' : 'competition.admin.judgingWait', {
          time: formatDateTime(c.nominationsCloseAt, locale),
        })}
      </p>
      <ButtonProblem intent="startJudging" />
      <Form method="post" className="actions">
        <SubmitButton name="intent" value="startJudging">
          {t('competition.admin.startJudging')}
        </SubmitButton>
      </Form>
    </section>
  )
}

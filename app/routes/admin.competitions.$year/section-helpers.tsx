import { useActionData } from '@remix-run/react'
import { ProblemBox } from '~/components/problem'
import { translateError, useT } from '~/i18n/use-t'
import type { AdminCompetition } from '~/models/competitions-admin-view.server'
import type { action } from './route'
import type { Intent } from './schema'

// What several sections of the administrator's year page share.

export type Category = AdminCompetition['categories'][number]

/** The action's answer for one form on the page (an intent, and the row it acted on). */
export function useResultFor(intent: Intent, target: number | null = null) {
  const actionData = useActionData<typeof action>()
  return actionData && actionData.intent === intent && actionData.target === target
    ? actionData.result
    : undefined
}

/** The form-level errors of a button's answer, shown in a problem box above the button. */
export function ButtonProblem({
  intent,
  target = null,
}: {
  intent: Intent
  target?: number | null
}) {
  const t = useT()
  const result = useResultFor(intent, target)
  const messages = Object.values(result?.error ?? {}).flatMap((m) => m ?? [])
  if (messages.length === 0) return null
  return (
    <ProblemBox
      id={`problem-${intent}-${target ?? 'all'}`}
      title={t('competition.admin.problemTitle')}
      message={messages.map((m) => translateError(t, m)).join(' ')}
    />
  )
}

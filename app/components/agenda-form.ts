import { type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { useActionData } from '@remix-run/react'
import type { z } from 'zod'

// The agenda's editing pages hold several small forms, told apart by a hidden `intent`; the action
// answers `{ form: intent, result }` and only that form shows the errors (decision record 033).

export function useIntentForm<S extends z.ZodTypeAny>(
  intent: string,
  schema: S,
  defaultValue?: Record<string, string>,
) {
  const actionData = useActionData<{ form?: string; result?: SubmissionResult<string[]> }>()
  return useForm<z.input<S>, z.output<S>>({
    id: `agenda-${intent}`,
    lastResult: actionData?.form === intent ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}

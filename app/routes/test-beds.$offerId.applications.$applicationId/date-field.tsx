import { type FieldMetadata, getInputProps } from '@conform-to/react'
import type { ReactNode } from 'react'
import { translateError, useT } from '~/i18n/use-t'

/**
 * A Stockholm date (`<input type="date">`), laid out like the shared fields: label, hint, inline
 * error, then the control. Browsers without a date picker show a text box that takes YYYY-MM-DD.
 */
export function DateField({
  meta,
  label,
  hint,
}: {
  meta: FieldMetadata<any, any, string[]>
  label: string
  hint?: ReactNode
}) {
  const t = useT()
  const describedBy =
    [hint ? meta.descriptionId : null, meta.errors?.length ? meta.errorId : null]
      .filter(Boolean)
      .join(' ') || undefined
  const props = getInputProps(meta, { type: 'date', ariaDescribedBy: describedBy })
  return (
    <div className={meta.errors?.length ? 'field field--invalid' : 'field'}>
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={meta.descriptionId}>
          {hint}
        </p>
      ) : null}
      {meta.errors?.length ? (
        <p className="field-error" id={meta.errorId}>
          {meta.errors.map((e) => translateError(t, e)).join(' ')}
        </p>
      ) : null}
      <input {...props} key={props.key} className="input input--medium" />
    </div>
  )
}

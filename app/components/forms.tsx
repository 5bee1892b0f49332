import {
  type FieldMetadata,
  type FormMetadata,
  getInputProps,
  getSelectProps,
  getTextareaProps,
} from '@conform-to/react'
import { useActionData } from '@remix-run/react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { translateError, useT } from '~/i18n/use-t'

export const HONEYPOT_FIELD = 'contact_fax'

/** Any form's schema, as the form components see it: they never read a field's typed value. */
type AnyFormSchema = Record<string, unknown>

/**
 * Conform's metadata of one field, as every form component takes it (ids, errors, defaults,
 * constraints). `Value` is the field's own value, for a component that lists rows of a fieldset.
 */
export type FieldMeta<Value = unknown> = FieldMetadata<Value, AnyFormSchema, string[]>

/** What the error summary reads of Conform's metadata of a whole form, whatever its schema. */
export type FormMeta = Pick<FormMetadata<AnyFormSchema, string[]>, 'id' | 'allErrors' | 'status'>

/**
 * The GOV.UK-style error summary: a count, then one link per problem that moves focus to the field.
 * It appears after a submit (server-rendered, or a client-side check on submit) — not while
 * someone is still filling in the form — and then takes focus, so keyboard and screen-reader users
 * land on it. Inline messages next to the fields still appear as soon as a field is left.
 */
export function ErrorSummary({ form }: { form: FormMeta }) {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  const actionData = useActionData()
  const [submits, setSubmits] = useState(0)
  useEffect(() => {
    const element = document.getElementById(form.id)
    if (!element) return
    const onSubmit = () => setSubmits((n) => n + 1)
    element.addEventListener('submit', onSubmit)
    return () => element.removeEventListener('submit', onSubmit)
  }, [form.id])
  const entries = Object.entries(form.allErrors ?? {}).flatMap(([name, errors]) =>
    (errors ?? []).map((message) => ({ name, message })),
  )
  const visible = entries.length > 0 && (submits > 0 || form.status === 'error')
  useEffect(() => {
    if (visible) ref.current?.focus()
    // Only a new submit or a new server answer moves focus; later edits do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submits, actionData])
  if (!visible) return null
  const title =
    entries.length === 1
      ? t('form.errorSummary.titleOne')
      : t('form.errorSummary.title', { count: entries.length })
  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      aria-labelledby={`${form.id}-error-summary-title`}
      role="alert"
    >
      <h2 id={`${form.id}-error-summary-title`}>{title}</h2>
      <ul>
        {entries.map(({ name, message }) => (
          <li key={name + message}>
            {name ? (
              <a href={`#${form.id}-${name}`}>{translateError(t, message)}</a>
            ) : (
              translateError(t, message)
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

function FieldErrors({ meta }: { meta: FieldMeta }) {
  const t = useT()
  if (!meta.errors?.length) return null
  return (
    <p className="field-error" id={meta.errorId}>
      {meta.errors.map((e) => translateError(t, e)).join(' ')}
    </p>
  )
}

function describedBy(meta: FieldMeta, hint?: ReactNode) {
  const ids = [hint ? meta.descriptionId : null, meta.errors?.length ? meta.errorId : null]
  return ids.filter(Boolean).join(' ') || undefined
}

function Label({
  htmlFor,
  label,
  required,
}: {
  htmlFor: string
  label: string
  required?: boolean
}) {
  const t = useT()
  return (
    <label htmlFor={htmlFor}>
      {label}
      {required ? null : <span className="optional"> ({t('form.optional')})</span>}
    </label>
  )
}

/** Label, hint and inline error around one control; the control gets the ids they describe. */
export function FieldFrame({
  meta,
  label,
  hint,
  required,
  children,
}: {
  meta: FieldMeta
  label: string
  hint?: ReactNode
  required: boolean
  children: ReactNode
}) {
  return (
    <div className={meta.errors?.length ? 'field field--invalid' : 'field'}>
      <Label htmlFor={meta.id} label={label} required={required} />
      {hint ? (
        <p className="hint" id={meta.descriptionId}>
          {hint}
        </p>
      ) : null}
      <FieldErrors meta={meta} />
      {children}
    </div>
  )
}

export function TextField({
  meta,
  label,
  hint,
  type = 'text',
  autoComplete,
  required = true,
  inputMode,
  width,
}: {
  meta: FieldMeta
  label: string
  hint?: ReactNode
  /** 'date' and 'datetime-local' values are Stockholm time: parse with utils/stockholm-time. */
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'number' | 'date' | 'datetime-local'
  autoComplete?: string
  required?: boolean
  inputMode?: 'numeric' | 'text' | 'email' | 'url'
  width?: 'short' | 'medium'
}) {
  const props = getInputProps(meta, { type, ariaDescribedBy: describedBy(meta, hint) })
  return (
    <FieldFrame meta={meta} label={label} hint={hint} required={required}>
      <input
        {...props}
        // A password is never sent back to the browser.
        {...(type === 'password' ? { defaultValue: undefined } : {})}
        key={props.key}
        autoComplete={autoComplete}
        inputMode={inputMode}
        className={width ? `input input--${width}` : 'input'}
      />
    </FieldFrame>
  )
}

export function TextareaField({
  meta,
  label,
  hint,
  required = true,
  rows = 5,
}: {
  meta: FieldMeta
  label: string
  hint?: ReactNode
  required?: boolean
  rows?: number
}) {
  const props = getTextareaProps(meta, { ariaDescribedBy: describedBy(meta, hint) })
  return (
    <FieldFrame meta={meta} label={label} hint={hint} required={required}>
      <textarea {...props} key={props.key} rows={rows} className="input" />
    </FieldFrame>
  )
}

export interface Option {
  value: string
  label: string
}

export function SelectField({
  meta,
  label,
  hint,
  options,
  required = true,
  placeholder,
}: {
  meta: FieldMeta
  label: string
  hint?: ReactNode
  options: Option[]
  required?: boolean
  placeholder?: string
}) {
  const t = useT()
  const props = getSelectProps(meta, { ariaDescribedBy: describedBy(meta, hint) })
  return (
    <FieldFrame meta={meta} label={label} hint={hint} required={required}>
      <select {...props} key={props.key} className="input">
        <option value="">{placeholder ?? t('form.select')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

/** Radio buttons or checkboxes in a fieldset; the first input carries the field's id for links. */
export function ChoiceGroup({
  meta,
  legend,
  hint,
  options,
  type,
  required = true,
}: {
  meta: FieldMeta
  legend: string
  hint?: ReactNode
  options: Option[]
  type: 'radio' | 'checkbox'
  required?: boolean
}) {
  const t = useT()
  const initial = meta.initialValue
  const selected = new Set(
    Array.isArray(initial) ? initial.map(String) : initial == null ? [] : [String(initial)],
  )
  const describedById = describedBy(meta, hint)
  return (
    <fieldset
      className={meta.errors?.length ? 'field field--invalid' : 'field'}
      aria-describedby={describedById}
    >
      <legend>
        {legend}
        {required ? null : <span className="optional"> ({t('form.optional')})</span>}
      </legend>
      {hint ? (
        <p className="hint" id={meta.descriptionId}>
          {hint}
        </p>
      ) : null}
      <FieldErrors meta={meta} />
      <div className={type === 'radio' ? 'choices' : 'choices choices--columns'}>
        {options.map((o, i) => {
          const id = i === 0 ? meta.id : `${meta.id}-${o.value}`
          return (
            <div className="choice" key={`${meta.key ?? ''}-${o.value}`}>
              <input
                type={type}
                id={id}
                name={meta.name}
                value={o.value}
                defaultChecked={selected.has(o.value)}
                aria-invalid={meta.errors?.length ? true : undefined}
              />
              <label htmlFor={id}>{o.label}</label>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}

export function CheckboxField({
  meta,
  label,
  hint,
}: {
  meta: FieldMeta
  label: string
  hint?: ReactNode
}) {
  const props = getInputProps(meta, { type: 'checkbox', ariaDescribedBy: describedBy(meta, hint) })
  return (
    <div className={meta.errors?.length ? 'field field--invalid' : 'field'}>
      <FieldErrors meta={meta} />
      <div className="choice">
        <input {...props} key={props.key} />
        <label htmlFor={meta.id}>{label}</label>
      </div>
      {hint ? (
        <p className="hint" id={meta.descriptionId}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** A field people never see; bots fill it in. Checked by `checkHoneypot` on the server. */
export function HoneypotField() {
  const t = useT()
  return (
    <div className="hp" aria-hidden="true">
      <label htmlFor={HONEYPOT_FIELD}>{t('form.honeypot')}</label>
      <input
        type="text"
        id={HONEYPOT_FIELD}
        name={HONEYPOT_FIELD}
        tabIndex={-1}
        autoComplete="off"
      />
    </div>
  )
}

export function SubmitButton({
  children,
  name,
  value,
}: {
  children: ReactNode
  name?: string
  value?: string
}) {
  return (
    <button type="submit" className="button" name={name} value={value}>
      {children}
    </button>
  )
}

/** The free-text search of a GET filter form, with its hint; the id is `filter-q`. */
export function FilterSearch({
  label,
  hint,
  value,
}: {
  label: string
  hint: string
  value: string | undefined
}) {
  return (
    <div className="field">
      <label htmlFor="filter-q">{label}</label>
      <p className="hint" id="filter-q-hint">
        {hint}
      </p>
      <input
        id="filter-q"
        name="q"
        type="search"
        defaultValue={value ?? ''}
        aria-describedby="filter-q-hint"
        className="input"
      />
    </div>
  )
}

/**
 * A select in a GET filter form (catalogue, directory): a plain control without Conform, its
 * "all" choice first and the current value kept. The id is `filter-<name>`.
 */
export function FilterSelect({
  name,
  label,
  allLabel,
  options,
  value,
}: {
  name: string
  label: string
  allLabel: string
  options: Option[]
  value: string | undefined
}) {
  const id = `filter-${name}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''} className="input">
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

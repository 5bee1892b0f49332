import { getInputProps } from '@conform-to/react'
import { useFetcher } from '@remix-run/react'
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { useT } from '~/i18n/use-t'
import type { loader as cpvLoader } from '~/routes/cpv/route'
import { CPV_MAX_CODES, cpvSearchHref, formatCpv, normaliseCpvCode } from '~/utils/cpv'
import { type FieldMeta, FieldFrame } from './forms'

/** How many matches the search box offers; the /cpv page lists more. */
const SHOWN_MATCHES = 15
const SEARCH_DELAY_MS = 300

/** True once React runs in the browser; the first render matches the server's HTML. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

/** The well-written codes in the field's text, each once; the server reports the rest. */
function codesIn(text: string): string[] {
  const codes = text
    .split(/[\s,;]+/u)
    .map(normaliseCpvCode)
    .filter((code): code is string => code !== null)
  return [...new Set(codes)]
}

/** Sets an uncontrolled input's value the way typing does, so Conform and React notice. */
function typeInto(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
  setter?.call(input, value)
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

/**
 * CPV codes on a form: a text input with the codes (parse it with `cpvCodesField` from
 * utils/cpv), a link to the /cpv search page, and the chosen codes with their names when the
 * caller passes `labels` (from getCpvLabels). With JavaScript a search box below adds codes with
 * one press; without it the text input alone does the job.
 */
export function CpvCodesField({
  meta,
  label,
  hint,
  required = false,
  labels = [],
}: {
  meta: FieldMeta
  label: string
  hint?: ReactNode
  required?: boolean
  labels?: ReadonlyArray<{ code: string; label: string }>
}) {
  const t = useT()
  const hydrated = useHydrated()
  const inputRef = useRef<HTMLInputElement>(null)
  const initial = typeof meta.initialValue === 'string' ? meta.initialValue : ''
  const [text, setText] = useState(initial)
  // Names of codes added from the search box, so they show before the form is saved.
  const [found, setFound] = useState<Record<string, string>>({})
  const names = useMemo(() => {
    const map = new Map(Object.entries(found))
    for (const l of labels) map.set(l.code, l.label)
    return map
  }, [labels, found])

  const hintText = hint ?? t('cpv.field.hint', { max: CPV_MAX_CODES })
  const describedBy =
    [meta.descriptionId, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(' ') ||
    undefined
  const props = getInputProps(meta, { type: 'text', ariaDescribedBy: describedBy })
  // Conform remounts the input (a new key) when the form is reset or answered: follow its value.
  useEffect(() => setText(initial), [props.key, initial])

  // Before hydration the list is what the server resolved; after it, what the input now holds.
  const chosen = hydrated
    ? codesIn(text).map((code) => ({ code, label: names.get(code) ?? null }))
    : labels.map((l) => ({ code: l.code, label: l.label }))

  function add(code: string, name: string) {
    const input = inputRef.current
    if (!input) return
    const current = codesIn(input.value)
    if (current.includes(code) || current.length >= CPV_MAX_CODES) return
    const before = input.value.trim().replace(/[,;]+$/u, '')
    typeInto(input, before ? `${before}, ${code}` : code)
    setFound((map) => ({ ...map, [code]: name }))
  }

  return (
    <FieldFrame meta={meta} label={label} hint={hintText} required={required}>
      <input
        {...props}
        key={props.key}
        ref={inputRef}
        className="input"
        autoComplete="off"
        spellCheck={false}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <p className="cpv-field-link">
        <a href="/cpv" target="_blank" rel="noopener">
          {t('cpv.field.searchLink')}
        </a>
      </p>
      {chosen.length > 0 ? (
        <div className="cpv-chosen">
          <p id={`${meta.id}-chosen`}>{t('cpv.field.chosen')}</p>
          <ul aria-labelledby={`${meta.id}-chosen`}>
            {chosen.map((c) => (
              <li key={c.code}>
                <span className="cpv-code">{c.code}</span> {c.label ?? null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {hydrated ? (
        <CpvFinder
          id={`${meta.id}-find`}
          chosen={codesIn(text)}
          onAdd={add}
          full={codesIn(text).length >= CPV_MAX_CODES}
        />
      ) : null}
    </FieldFrame>
  )
}

/** The search box under the field: matches from the /cpv loader, each with an add button. */
function CpvFinder({
  id,
  chosen,
  full,
  onAdd,
}: {
  id: string
  chosen: string[]
  full: boolean
  onAdd: (code: string, label: string) => void
}) {
  const t = useT()
  const fetcher = useFetcher<typeof cpvLoader>()
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  function search(q: string) {
    clearTimeout(timer.current)
    if (q.trim()) fetcher.load(cpvSearchHref(q.trim()))
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter searches here instead of submitting the form the field sits in.
    if (event.key === 'Enter') {
      event.preventDefault()
      search(query)
    }
  }

  const results = fetcher.data?.results?.slice(0, SHOWN_MATCHES) ?? null
  // Announced once a search has answered; while typing nothing is read out.
  useEffect(() => {
    if (fetcher.state !== 'idle' || !results) return
    setStatus(
      results.length === 0
        ? t('cpv.field.noResults')
        : t('cpv.field.resultsCount', { count: results.length }),
    )
    // Only a new answer changes the message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.data, fetcher.state])

  return (
    <div className="cpv-finder">
      <label htmlFor={id}>{t('cpv.field.find')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('cpv.field.findHint')}
      </p>
      <div className="cpv-finder-row">
        <input
          id={id}
          type="search"
          className="input"
          autoComplete="off"
          value={query}
          aria-describedby={`${id}-hint`}
          onKeyDown={onKeyDown}
          onChange={(event) => {
            const q = event.currentTarget.value
            setQuery(q)
            clearTimeout(timer.current)
            if (q.trim().length >= 2) timer.current = setTimeout(() => search(q), SEARCH_DELAY_MS)
          }}
        />
        <button type="button" className="button button--secondary" onClick={() => search(query)}>
          {t('cpv.field.findSubmit')}
        </button>
      </div>
      <p role="status" className="meta">
        {full ? t('cpv.field.full', { max: CPV_MAX_CODES }) : status}
      </p>
      {results && results.length > 0 ? (
        <ul className="cpv-matches" aria-label={t('cpv.field.results')}>
          {results.map((r) => {
            const added = chosen.includes(r.code)
            return (
              <li key={r.code}>
                <span>{formatCpv(r.code, r.label)}</span>
                <button
                  type="button"
                  className="button button--secondary"
                  // Still focusable once used, so keyboard focus stays where it was.
                  aria-disabled={added || full ? true : undefined}
                  onClick={() => {
                    if (added || full) return
                    onAdd(r.code, r.label)
                    setStatus(t('cpv.field.addedStatus', { code: r.code }))
                  }}
                >
                  {added
                    ? t('cpv.field.added', { code: r.code })
                    : t('cpv.field.add', { code: r.code })}
                </button>
              </li>
            )
          })}
        </ul>
      ) : null}
    </div>
  )
}

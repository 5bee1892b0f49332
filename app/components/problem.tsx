import { type ReactNode, useEffect, useRef } from 'react'

/**
 * A problem with an action that is not about one form field (an invitation that cannot be used, a
 * member who cannot be removed): styled like the error summary, and it takes focus when it appears.
 */
export function ProblemBox({ id, title, message }: { id: string; title: string; message: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [message])
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{message}</p>
    </div>
  )
}

/** A confirmation after an action succeeded ("Sparat."), announced politely to screen readers. */
export function DoneNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice--ok" role="status">
      <p>{children}</p>
    </div>
  )
}

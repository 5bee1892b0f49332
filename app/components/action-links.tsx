import type { ReactNode } from 'react'

/** One of a page's actions: a link or button (or a link with its status), keyed for the list. */
export interface ActionLink {
  key: string
  node: ReactNode
}

/** What the viewer can do on a page, as one list; nothing when there is nothing to do. */
export function ActionLinks({ links }: { links: readonly ActionLink[] }) {
  if (links.length === 0) return null
  return (
    <ul className="actions">
      {links.map((l) => (
        <li key={l.key}>{l.node}</li>
      ))}
    </ul>
  )
}

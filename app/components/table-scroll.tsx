import type { ReactNode } from 'react'

// A wide table scrolls inside this box on a narrow screen (320 px reflow), not the page. The box
// is a labelled region in the tab order, so a keyboard user can scroll it too (WCAG 2.1.1; axe's
// scrollable-region-focusable), whether or not the table has links of its own.

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scroll box must be reachable
    <div className="call-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}

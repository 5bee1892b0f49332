import type { ReactNode } from 'react'
import { TableScroll } from './table-scroll'

/**
 * A list shown as a table with a caption and column headings, or a sentence when it is empty.
 * `children` are the body's rows (`<tr>`), each with its own `<th scope="row">`.
 */
export function ListTable({
  count,
  empty,
  caption,
  columns,
  children,
}: {
  /** How many rows there are; none shows `empty` instead of the table. */
  count: number
  empty: string
  caption: string
  columns: readonly string[]
  children: ReactNode
}) {
  if (count === 0) return <p>{empty}</p>
  // On a narrow screen (320 px) a wide table scrolls inside its box, not the page.
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  )
}

import { Fragment } from 'react'
import { parsePlainText } from '~/utils/plain-text'

/** Renders user-written plain text as paragraphs and lists, never as HTML. */
export function PlainText({ text, className }: { text: string; className?: string }) {
  const blocks = parsePlainText(text)
  return (
    <div className={className ?? 'plain-text'}>
      {blocks.map((block, i) => {
        if (block.kind === 'paragraph') {
          return (
            <p key={i}>
              {block.lines.map((line, j) => (
                <Fragment key={j}>
                  {j > 0 ? <br /> : null}
                  {line}
                </Fragment>
              ))}
            </p>
          )
        }
        const items = block.items.map((item, j) => <li key={j}>{item}</li>)
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>
      })}
    </div>
  )
}

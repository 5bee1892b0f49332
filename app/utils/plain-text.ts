/** A block of user-written plain text: a paragraph or a bulleted or numbered list. */
export type TextBlock =
  { kind: 'paragraph'; lines: string[] } | { kind: 'list'; ordered: boolean; items: string[] }

const BULLET = /^\s*[-*•]\s+(.*)$/
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/

/**
 * Splits plain text into paragraphs (separated by blank lines) and lists (lines starting with
 * "-", "*", "•" or "1."). Nothing is interpreted as markup, so user text can never inject HTML.
 */
export function parsePlainText(text: string): TextBlock[] {
  const blocks: TextBlock[] = []
  let current: TextBlock | null = null
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd()
    if (line.trim() === '') {
      current = null
      continue
    }
    const bullet = BULLET.exec(line)
    const numbered = bullet ? null : NUMBERED.exec(line)
    const item = bullet?.[1] ?? numbered?.[1]
    if (item !== undefined) {
      const ordered = numbered !== null
      if (current?.kind !== 'list' || current.ordered !== ordered) {
        current = { kind: 'list', ordered, items: [] }
        blocks.push(current)
      }
      current.items.push(item.trim())
    } else if (current?.kind === 'list' && /^\s+/.test(raw) && current.items.length > 0) {
      // An indented line continues the list item above it.
      current.items[current.items.length - 1] += ` ${line.trim()}`
    } else {
      if (current?.kind !== 'paragraph') {
        current = { kind: 'paragraph', lines: [] }
        blocks.push(current)
      }
      current.lines.push(line.trim())
    }
  }
  return blocks
}

import type { Segment } from '~/utils/search-query'

/**
 * Text with its matched parts in <mark> (search hits, decision record 036). Every segment is a
 * React text node, so nothing in the text is ever markup: `<script>` in content shows as text.
 */
export function MarkedText({ segments }: { segments: readonly Segment[] }) {
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}</>
}

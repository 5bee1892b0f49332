import { type JsonLdObject, serializeJsonLd } from '~/utils/json-ld'
import { useNonce } from '~/utils/nonce'

/** schema.org data as a JSON-LD script with the page's CSP nonce (decision 039). */
export function JsonLd({ data }: { data: JsonLdObject }) {
  const nonce = useNonce()
  return (
    <script
      type="application/ld+json"
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  )
}

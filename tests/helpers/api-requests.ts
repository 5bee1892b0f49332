import type { LoaderFunctionArgs } from '@remix-run/node'

// Calling a read-API loader directly (decision record 041): its Response, thrown or returned.

type Loader = (args: LoaderFunctionArgs) => Promise<Response> | Response

export const API_ORIGIN = 'http://localhost:3000'

export async function apiGet(
  loader: Loader,
  path: string,
  params: Record<string, string> = {},
  options: { headers?: Record<string, string>; ip?: string } = {},
): Promise<Response> {
  const request = new Request(API_ORIGIN + path, { headers: options.headers ?? {} })
  try {
    return await loader({
      request,
      params,
      context: { clientIp: options.ip ?? '203.0.113.1', cspNonce: 'x' },
    })
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

export interface ListBody<T = Record<string, unknown>> {
  data: T[]
  links: { self: string; next: string | null }
}

/** Every item of a list, page by page, following `links.next`. */
export async function walkPages<T = Record<string, unknown>>(
  loader: Loader,
  path: string,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = []
  let url: string | null = API_ORIGIN + path
  let pages = 0
  while (url) {
    const res = await apiGet(loader, url.slice(API_ORIGIN.length))
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`)
    const body = (await res.json()) as ListBody<T>
    items.push(...body.data)
    url = body.links.next
    pages++
    if (pages > 1000) throw new Error('paging does not end')
  }
  return { items, pages }
}

/** Validates a body against `#/components/schemas/<name>` of an OpenAPI 3.1 document (ajv). */
export async function schemaValidator(doc: { components: unknown }) {
  const { default: Ajv2020 } = await import('ajv/dist/2020')
  const { default: addFormats } = await import('ajv-formats')
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: 'urn:testarena:openapi', components: doc.components })
  return (name: string, body: unknown) => {
    const validate = ajv.getSchema(`urn:testarena:openapi#/components/schemas/${name}`)
    if (!validate) throw new Error(`no schema ${name}`)
    return validate(body) ? [] : (validate.errors ?? [])
  }
}
